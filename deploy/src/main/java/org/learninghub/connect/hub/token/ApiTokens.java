package org.learninghub.connect.hub.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.learninghub.connect.hub.api.HubProblem;
import org.learninghub.connect.hub.security.AdminCaller;
import org.learninghub.connect.hub.security.BearerTokens;
import org.learninghub.connect.hub.security.HubRoles;

/**
 * Personal API tokens in the database (any node checks any token; a revocation holds at once everywhere). A token
 * acts as its account as the account is now: its role, its trust, and not at all while the account is disabled.
 * The last-use time is written at most once a {@link #TOUCH_EVERY}, so a busy script costs no write per request.
 */
@ApplicationScoped
public class ApiTokens implements BearerTokens {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final int MAX_NAME = 100;
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 366;
    /** Live (unrevoked, unexpired) tokens one account may hold: a bound on the table, not a quota anyone needs. */
    static final int MAX_LIVE = 50;

    private static final String VIEW = "SELECT t.id, t.name, t.created, t.expires, t.last_used FROM admin_api_token t"
            + " JOIN admin_user u ON u.id = t.admin_user_id WHERE u.username = ? AND t.revoked IS NULL";

    @Inject
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    @Override
    public Optional<AdminCaller> caller(String token) {
        if (!TokenSecret.looksLikeToken(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            UUID id;
            Optional<AdminCaller> caller;
            Instant lastUsed;
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.last_used, u.username, u.role, tr.code"
                    + " FROM admin_api_token t JOIN admin_user u ON u.id = t.admin_user_id"
                    + " LEFT JOIN trust tr ON tr.id = u.trust_id"
                    + " WHERE t.token_hash = ? AND t.revoked IS NULL AND t.expires > ? AND u.disabled = FALSE")) {
                ps.setString(1, TokenSecret.hash(token));
                ps.setObject(2, now.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getObject(1, UUID.class);
                    OffsetDateTime used = rs.getObject(2, OffsetDateTime.class);
                    lastUsed = used == null ? null : used.toInstant();
                    String role = rs.getString(4);
                    if (!HubRoles.HUB_ADMIN.equals(role) && !HubRoles.TRUST_ADMIN.equals(role)) {
                        return Optional.empty();
                    }
                    caller = Optional.of(new AdminCaller(rs.getString(3), role, Optional.ofNullable(rs.getString(5))));
                }
            }
            if (lastUsed == null || !lastUsed.plus(TOUCH_EVERY).isAfter(now)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE admin_api_token SET last_used = ? WHERE id = ?")) {
                    ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                    ps.setObject(2, id);
                    ps.executeUpdate();
                }
            }
            return caller;
        } catch (SQLException e) {
            throw new IllegalStateException("checking an API token failed: " + e.getMessage(), e);
        }
    }

    /** Issues a token to the account; the answer is the only place its value ever appears. */
    IssuedToken issue(String username, NewApiToken request) {
        if (request == null) {
            throw HubProblem.badRequest(null, "a JSON body {\"name\":…, \"expiresInDays\":…} is required");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw HubProblem.badRequest("name", "is required: 1 to " + MAX_NAME + " characters, no control characters");
        }
        int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        if (days < 1 || days > MAX_DAYS) {
            throw HubProblem.badRequest("expiresInDays", "a whole number of days from 1 to " + MAX_DAYS);
        }
        Instant now = clock.instant();
        String token = TokenSecret.newToken();
        UUID id = UUID.randomUUID();
        Instant expires = now.plus(Duration.ofDays(days));
        try (Connection c = dataSource.getConnection()) {
            long account = accountId(c, username);
            if (live(c, account, now) >= MAX_LIVE) {
                throw HubProblem.conflict(null, "an account may hold at most " + MAX_LIVE
                        + " live tokens; revoke one first");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO admin_api_token (id, admin_user_id, name,"
                    + " token_hash, created, expires) VALUES (?,?,?,?,?,?)")) {
                ps.setObject(1, id);
                ps.setLong(2, account);
                ps.setString(3, name);
                ps.setString(4, TokenSecret.hash(token));
                ps.setObject(5, now.atOffset(ZoneOffset.UTC));
                ps.setObject(6, expires.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("issuing an API token failed: " + e.getMessage(), e);
        }
        return new IssuedToken(id, name, token, now, expires, null);
    }

    /** The account's unrevoked tokens (expired ones too, until revoked), newest first; never their values. */
    List<ApiTokenView> list(String username) {
        List<ApiTokenView> tokens = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(VIEW + " ORDER BY t.created DESC, t.id")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime used = rs.getObject(5, OffsetDateTime.class);
                    tokens.add(new ApiTokenView(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), used == null ? null : used.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing API tokens failed: " + e.getMessage(), e);
        }
        return tokens;
    }

    /** Revokes one of the account's tokens at once; false when the account has no such unrevoked token. */
    boolean revoke(String username, UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE admin_api_token SET revoked = ? WHERE id = ?"
                     + " AND revoked IS NULL AND admin_user_id = (SELECT id FROM admin_user WHERE username = ?)")) {
            ps.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
            ps.setObject(2, id);
            ps.setString(3, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("revoking an API token failed: " + e.getMessage(), e);
        }
    }

    /** Refuses (404) a user name no account has. */
    void requireAccount(String username) {
        if (username == null || username.length() > 100) {
            throw HubProblem.notFound("account");
        }
        try (Connection c = dataSource.getConnection()) {
            accountId(c, username);
        } catch (SQLException e) {
            throw new IllegalStateException("reading an account failed: " + e.getMessage(), e);
        }
    }

    private static long accountId(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM admin_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw HubProblem.notFound("account " + username);
                }
                return rs.getLong(1);
            }
        }
    }

    private static long live(Connection c, long account, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM admin_api_token WHERE admin_user_id = ?"
                + " AND revoked IS NULL AND expires > ?")) {
            ps.setLong(1, account);
            ps.setObject(2, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
