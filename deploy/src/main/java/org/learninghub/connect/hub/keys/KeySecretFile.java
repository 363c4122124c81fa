package org.learninghub.connect.hub.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The tool-key secret the Hub generates for itself on the embedded database when no {@code hub.keys.secret}
 * is set: 256 random bits in {@code <hub.data.dir>/keys.secret}, created readable and writable by the
 * server's user only (POSIX 600) in the same system call that creates the file, so it is never readable by
 * others, not even for a moment. Kept beside the database but not in it: a copy of the database file alone
 * does not open the keys.
 */
final class KeySecretFile {

    static final String NAME = "keys.secret";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = Logger.getLogger(KeySecretFile.class.getName());
    private static final int BYTES = 32;

    private final Path path;

    KeySecretFile(Path dataDir) {
        this.path = dataDir.toAbsolutePath().normalize().resolve(NAME);
    }

    Path path() {
        return path;
    }

    /** The secret in the file, generated first if there is no file yet. */
    String readOrCreate() throws IOException {
        Files.createDirectories(path.getParent());
        try {
            create();
        } catch (FileAlreadyExistsException exists) {
            // made at an earlier start
        }
        return read().orElseThrow(() -> new IOException(path + " vanished while it was being read"));
    }

    /** The secret, if the file exists. */
    Optional<String> read() throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        restrict();
        String secret = Files.readString(path, StandardCharsets.US_ASCII).strip();
        if (secret.length() < 40) {
            throw new IOException(path + " does not hold a generated secret (too short); restore it from a backup,"
                    + " or set hub.keys.secret");
        }
        return Optional.of(secret);
    }

    private void create() throws IOException {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        byte[] content = (Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        EnumSet<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(path, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warning(() -> "This file system has no POSIX permissions: restrict " + path
                    + " to the server's user by hand");
            channel = Files.newByteChannel(path, options);
        }
        try (SeekableByteChannel out = channel) {
            out.write(ByteBuffer.wrap(content));
        }
        LOG.info(() -> "Generated the secret that encrypts the LTI tool's private keys: " + path
                + " (readable by this user only). Back it up with the database: without it the keys cannot be read.");
    }

    /** A file others may read (copied, restored from a backup) is narrowed to the owner again. */
    private void restrict() throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (!OWNER_ONLY.containsAll(permissions)) {
                Files.setPosixFilePermissions(path, OWNER_ONLY);
                LOG.warning(() -> path + " was readable by others (" + PosixFilePermissions.toString(permissions)
                        + "); narrowed to rw-------");
            }
        } catch (UnsupportedOperationException notPosix) {
            // nothing to check on this file system
        }
    }
}
