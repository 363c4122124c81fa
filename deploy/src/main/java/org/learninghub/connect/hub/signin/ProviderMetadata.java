package org.learninghub.connect.hub.signin;

/**
 * What the Hub needs of the identity provider: from its discovery document or from explicit settings.
 * {@code basicAuth}: whether the client authenticates at the token endpoint with HTTP Basic
 * ({@code client_secret_basic}, the default of OpenID Connect) rather than in the form ({@code client_secret_post}).
 */
record ProviderMetadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                        boolean basicAuth) {
}
