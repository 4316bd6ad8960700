package dev.ioslab.cli;

/**
 * The vty line a connection holds from before its login until it closes. A front end claims one as soon as a
 * connection is accepted ({@link ShellEndpoint#claimLine}) and releases it when the connection closes; the session
 * opened after login takes the same line over.
 *
 * <p>Threading: {@link #release()} may be called from any thread, more than once.
 */
public interface LineClaim {

    /** A claim on no line, for endpoints without a line table. */
    LineClaim NONE = new LineClaim() {
        @Override
        public int vty() {
            return -1;
        }

        @Override
        public void release() {
        }
    };

    /** The vty number held, -1 for {@link #NONE}. */
    int vty();

    /** Frees the line (idempotent). */
    void release();

    /** Records what the connection's SSH key exchange chose, for {@code show ssh} (client-to-server first). */
    default void sshNegotiated(String encryptionIn, String encryptionOut, String hmacIn, String hmacOut) {
    }
}
