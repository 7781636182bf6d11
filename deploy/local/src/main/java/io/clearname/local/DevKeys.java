package io.clearname.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The RSA key pair that signs development tokens: {@code jwt-private.pem} (PKCS#8) and {@code jwt-public.pem} (X.509
 * SubjectPublicKeyInfo), both PEM, created once in a directory and reused afterwards.
 *
 * <p>For local runs and tests only: the key sits unencrypted on disk (readable by its owner only, where the file
 * system has POSIX permissions). The services' secrets live next to it ({@link DevSecrets}).
 */
public final class DevKeys {
    private static final Logger LOG = Logger.getLogger(DevKeys.class.getName());
    static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final Path privateKey;
    private final Path publicKey;

    private DevKeys(Path privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /**
     * Returns the key pair in {@code dir}, creating the directory and an RSA-2048 pair when the two files are not both
     * there. Safe against concurrent callers in this and other processes.
     */
    public static synchronized DevKeys ensure(Path dir) {
        Path directory = dir.toAbsolutePath().normalize();
        Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
        Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
        try {
            createPrivateDirectories(directory);
            try (FileChannel lockFile = FileChannel.open(
                            directory.resolve(".keys.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                    if (Files.exists(privateKey) || Files.exists(publicKey)) {
                        LOG.warning("only one of the two key files in " + directory + "; creating a new pair");
                    }
                    generate(privateKey, publicKey);
                    LOG.info("created a development JWT key pair in " + directory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development keys in " + directory, e);
        }
        return new DevKeys(privateKey, publicKey);
    }

    /** The private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public Path privateKey() {
        return privateKey;
    }

    /** The public key, X.509 PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public Path publicKey() {
        return publicKey;
    }

    private static void generate(Path privateKey, Path publicKey) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
        // Public first: a reader that finds the private key also finds its public half.
        writeOwnerOnly(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        writeOwnerOnly(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    static void writeOwnerOnly(Path target, String content) throws IOException {
        Path temp;
        if (posix()) {
            temp = Files.createTempFile(
                    target.getParent(),
                    ".tmp-",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            temp = Files.createTempFile(target.getParent(), ".tmp-", ".tmp");
        }
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
