package org.learninghub.connect.hub.api;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Jackson, not the runtime's JSON-B, reads and writes the JSON bodies of the Hub's own API, with the
 * mapper of {@link HubObjectMapper}.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HubJsonProvider extends JacksonJsonProvider {

    public HubJsonProvider() {
        super(HubObjectMapper.MAPPER);
    }
}
