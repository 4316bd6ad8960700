package dev.ioslab.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives a chassis serial number from a device name when the configuration names none. It is a hash, so the same
 * device shows the same {@code Processor board ID} after every restart and different devices almost never share
 * one. The shape follows Cisco's {@code LLLYYWWSSSS}: plant {@code FGL}, year since 1996, week, four base-36
 * characters, e.g. {@code FGL161010K8}.
 */
final class ProcessorBoardIdGenerator {

    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    String derive(String deviceName) {
        byte[] hash = sha256(deviceName.getBytes(StandardCharsets.UTF_8));
        int year = 10 + Byte.toUnsignedInt(hash[0]) % 10;
        int week = 1 + Byte.toUnsignedInt(hash[1]) % 52;
        StringBuilder id = new StringBuilder("FGL").append(year).append(week < 10 ? "0" : "").append(week);
        for (int i = 2; i < 6; i++) {
            id.append(BASE36.charAt(Byte.toUnsignedInt(hash[i]) % BASE36.length()));
        }
        return id.toString();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc), so this cannot happen.
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
