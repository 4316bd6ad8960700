package dev.ioslab.device;

/**
 * The algorithms an SSH connection negotiated, per direction, for {@code show ssh}: {@code in} is client to server.
 *
 * @param encryptionIn  cipher from the client ({@code aes256-ctr})
 * @param encryptionOut cipher to the client
 * @param hmacIn        MAC from the client ({@code hmac-sha2-256})
 * @param hmacOut       MAC to the client
 */
public record SshCiphers(String encryptionIn, String encryptionOut, String hmacIn, String hmacOut) {
}
