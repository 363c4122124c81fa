package org.learninghub.connect.lti.login;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learninghub.connect.lti.page.HtmlPage;

/**
 * The pages of the LTI Client Side postMessages flow (platform storage, 1EdTech "LTI Client Side
 * postMessages" §4 and "Platform Storage"), used when the platform sent {@code lti_storage_target}: at
 * login the state is put into the platform's storage frame before the browser goes on to the platform; at
 * a launch that came back without the state cookie, the page reads it back and, if it matches, posts the
 * launch again with a one-time proof the server issued for this launch.
 */
public final class StoragePages {

    private StoragePages() {
    }

    /** Puts {@code state_<state>} into platform storage, then continues to the platform's auth endpoint. */
    public static String putState(String storageTarget, URI platformAuthUrl, String state, URI authRequest) {
        String script = "var target=" + targetExpression(storageTarget) + ";"
                + "var origin=" + jsString(origin(platformAuthUrl)) + ";"
                + "var id=" + jsString(Randoms.token()) + ";"
                + "var next=" + jsString(authRequest.toString()) + ";"
                + "var done=false;function go(){if(!done){done=true;window.location.href=next;}}"
                + "window.addEventListener('message',function(e){if(e.origin===origin&&e.data&&"
                + "e.data.subject==='lti.put_data.response'&&e.data.message_id===id){go();}});"
                + "if(target){target.postMessage({subject:'lti.put_data',message_id:id,key:"
                + jsString("state_" + state) + ",value:" + jsString(state) + "},origin);}"
                // No answer from the platform: carry on; the cookie may still work.
                + "setTimeout(go,2000);";
        return HtmlPage.page("Starting your launch", "<p><a id=\"continue\" href=\"" + HtmlPage.escape(authRequest.toString())
                + "\">Continue to your learning platform</a></p><script>" + script + "</script>");
    }

    /**
     * Reads {@code state_<state>} back from platform storage; if it holds this state, re-posts the launch
     * with the proof. Otherwise the launch stops here.
     */
    public static String checkState(String storageTarget, URI platformAuthUrl, URI launchUrl, String idToken,
                                    String state, String proof) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id_token", idToken);
        fields.put("state", state);
        fields.put("lti_storage_proof", proof);
        StringBuilder form = new StringBuilder("<form id=\"relaunch\" method=\"post\" action=\"")
                .append(HtmlPage.escape(launchUrl.toString())).append("\">\n");
        fields.forEach((k, v) -> form.append(HtmlPage.hidden(k, v)));
        form.append("</form>\n<p id=\"status\">Checking your launch with your learning platform…</p>");
        String script = "var target=" + targetExpression(storageTarget) + ";"
                + "var origin=" + jsString(origin(platformAuthUrl)) + ";"
                + "var id=" + jsString(Randoms.token()) + ";"
                + "var state=" + jsString(state) + ";"
                + "window.addEventListener('message',function(e){if(e.origin===origin&&e.data&&"
                + "e.data.subject==='lti.get_data.response'&&e.data.message_id===id){"
                + "if(e.data.value===state){document.getElementById('relaunch').submit();}"
                + "else{document.getElementById('status').textContent='This launch did not start in this browser.';}}});"
                + "if(target){target.postMessage({subject:'lti.get_data',message_id:id,key:'state_'+state},origin);}"
                + "else{document.getElementById('status').textContent='Your browser blocked the launch cookie and the"
                + " platform offers no storage.';}";
        return HtmlPage.page("Checking your launch", form + "<script>" + script + "</script>");
    }

    private static String targetExpression(String storageTarget) {
        return "_parent".equals(storageTarget)
                ? "window.parent"
                : "(window.parent&&window.parent.frames[" + jsString(storageTarget) + "])";
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** A JavaScript string literal safe inside an HTML script element. */
    static String jsString(String value) {
        StringBuilder out = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':' || c == '/') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('\'').toString();
    }
}
