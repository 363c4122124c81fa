package org.learninghub.connect.lti.platformcall;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an answer body up to a limit and stops reading there: the connection is cancelled rather than
 * the rest read. A success body beyond the limit fails the call; an error body is only kept for an excerpt,
 * so it is cut instead.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** What an error answer contributes to a message: enough for an OAuth error code and a sentence. */
    static final int ERROR_EXCERPT_BYTES = 4096;

    private final int limit;
    private final boolean failBeyond;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(int limit, boolean failBeyond) {
        this.limit = limit;
        this.failBeyond = failBeyond;
    }

    /** Success bodies up to {@code limit} bytes, error bodies cut at {@link #ERROR_EXCERPT_BYTES}. */
    static HttpResponse.BodyHandler<byte[]> handler(int limit) {
        return info -> info.statusCode() / 100 == 2
                ? new CappedBody(limit, true)
                : new CappedBody(Math.min(limit, ERROR_EXCERPT_BYTES), false);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (out.size() + item.remaining() > limit) {
                subscription.cancel();
                if (failBeyond) {
                    result.completeExceptionally(new PlatformAnswerInvalidException(
                            "the platform's answer is larger than " + limit + " bytes"));
                } else {
                    byte[] rest = new byte[limit - out.size()];
                    item.get(rest);
                    out.write(rest, 0, rest.length);
                    result.complete(out.toByteArray());
                }
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            out.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
