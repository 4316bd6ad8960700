package dev.ioslab.image;

/**
 * Checks that bytes are one well-formed DER element before a recursive ASN.1 parser sees them: definite lengths
 * only (X.690 section 10.1), every element inside its parent, nesting at most {@value #MAX_DEPTH} deep, nothing after
 * the outermost element. Iterative, so hostile input can neither overflow the stack nor make a length point outside
 * the buffer. Stateless.
 */
final class DerScanner {

    /** Deepest nesting accepted; a CMS envelope with a certificate needs about ten levels. */
    static final int MAX_DEPTH = 32;

    private DerScanner() {
    }

    /**
     * @param what names the bytes in error messages ({@code "envelope"})
     * @throws ImageFormatException (malformed) saying what is wrong and at which offset
     */
    static void check(byte[] der, String what) throws ImageFormatException {
        if (der.length == 0) {
            throw ImageFormatException.malformed(what + " is empty");
        }
        int[] ends = new int[MAX_DEPTH + 1];
        int depth = 0;
        ends[0] = der.length;
        int pos = 0;
        boolean first = true;
        while (true) {
            while (depth > 0 && pos == ends[depth]) {
                depth--;
            }
            if (pos == ends[depth]) {
                return;
            }
            int start = pos;
            int tag = der[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                int count = 0;
                int b;
                do {
                    if (pos >= ends[depth] || ++count > 4) {
                        throw bad(what, "bad tag", start);
                    }
                    b = der[pos++] & 0xff;
                } while ((b & 0x80) != 0);
            }
            if (pos >= ends[depth]) {
                throw bad(what, "truncated element", start);
            }
            int lengthByte = der[pos++] & 0xff;
            long length;
            if (lengthByte < 0x80) {
                length = lengthByte;
            } else if (lengthByte == 0x80) {
                throw bad(what, "indefinite length (not DER)", start);
            } else {
                int n = lengthByte & 0x7f;
                if (n > 4) {
                    throw bad(what, "length of " + n + " bytes", start);
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    if (pos >= ends[depth]) {
                        throw bad(what, "truncated length", start);
                    }
                    length = (length << 8) | (der[pos++] & 0xff);
                }
            }
            long available = ends[depth] - pos;
            if (length > available) {
                throw bad(what, "element of " + length + " bytes where " + available + " remain", start);
            }
            if (first) {
                first = false;
                long trailing = available - length;
                if (trailing > 0) {
                    throw ImageFormatException.malformed(what + " is not DER: " + trailing
                            + " bytes after its element");
                }
            }
            if ((tag & 0x20) != 0) {
                if (depth == MAX_DEPTH) {
                    throw bad(what, "nesting deeper than " + MAX_DEPTH, start);
                }
                ends[++depth] = pos + (int) length;
            } else {
                pos += (int) length;
            }
        }
    }

    private static ImageFormatException bad(String what, String problem, int offset) {
        return ImageFormatException.malformed(what + " is not DER: " + problem + " at offset " + offset);
    }
}
