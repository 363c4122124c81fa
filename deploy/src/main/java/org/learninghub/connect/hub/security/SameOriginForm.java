package org.learninghub.connect.hub.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that takes a browser's own HTML form post (the password sign-in). A form can be posted
 * from any site, so instead of refusing form types, {@link CrossSiteRequestGuard} refuses such a post unless the
 * browser says it comes from the Hub's own pages ({@code Sec-Fetch-Site}, else {@code Origin}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SameOriginForm {
}
