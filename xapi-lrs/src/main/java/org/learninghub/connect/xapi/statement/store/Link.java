package org.learninghub.connect.xapi.statement.store;

/**
 * One indexed fact about a statement: an agent IFI or an activity IRI and where it appears.
 * {@link #DIRECT} means actor/object (what the agent and activity filters match), {@link #RELATED}
 * anywhere else (what related_agents / related_activities add).
 */
public record Link(String key, char relation) {

    public static final char DIRECT = 'D';
    public static final char RELATED = 'R';
}
