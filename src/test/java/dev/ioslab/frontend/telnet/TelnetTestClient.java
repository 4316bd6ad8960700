package dev.ioslab.frontend.telnet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A blocking Telnet peer on a plain socket that answers option negotiation the way a given real client does and
 * counts the negotiation bytes exchanged. Used from one test thread.
 */
final class TelnetTestClient implements AutoCloseable {

    /** How the client answers the server's options. */
    enum Policy {
        /** Python telnetlib without a callback (Netmiko): DO/DONT get WONT, WILL/WONT get DONT, every time. */
        TELNETLIB,
        /** scrapli's telnet transport: DO SGA gets WILL SGA, other DO/DONT get WONT, WILL gets DO, WONT gets DONT. */
        SCRAPLI,
        /** A terminal client: accepts ECHO and SGA, sends its window size (80x24) and terminal type (XTERM). */
        TERMINAL
    }

    private static final int IAC = 255;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int WILL = 251;
    private static final int WONT = 252;
    private static final int DO = 253;
    private static final int DONT = 254;
    private static final int SGA = 3;
    private static final int TTYPE = 24;
    private static final int NAWS = 31;

    private enum ParserState { DATA, IAC, VERB, SB, SB_IAC }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Policy policy;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream subnegotiation = new ByteArrayOutputStream();
    private ParserState parser = ParserState.DATA;
    private int verb;
    private int consumed;
    private int negotiationBytesReceived;
    private int negotiationBytesSent;

    TelnetTestClient(InetSocketAddress server, Policy policy) throws IOException {
        this.socket = new Socket();
        socket.connect(server, 5_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.policy = policy;
    }

    /** Reads until {@code expected} appears after what earlier calls consumed; returns the text up to its end. */
    String readUntil(String expected) throws IOException {
        return readUntil(expected, Duration.ofSeconds(10));
    }

    String readUntil(String expected, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int at = text.indexOf(expected, consumed);
            if (at >= 0) {
                String result = text.substring(consumed, at + expected.length());
                consumed = at + expected.length();
                return result;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !readSome(left)) {
                throw new AssertionError("did not receive " + quote(expected) + "; received " + quote(text.toString()));
            }
        }
    }

    /** Reads until the server closes the connection; returns the text received since the last consumed point. */
    String readUntilClosed(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("connection still open; received " + quote(text.toString()));
            }
            if (!readSome(left)) {
                String rest = text.substring(consumed);
                consumed = text.length();
                return rest;
            }
        }
    }

    void type(String typed) throws IOException {
        out.write(typed.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    int negotiationBytesReceived() {
        return negotiationBytesReceived;
    }

    int negotiationBytesSent() {
        return negotiationBytesSent;
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Reads what is available; false on end of stream. */
    private boolean readSome(long timeoutNanos) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeoutNanos / 1_000_000));
        byte[] buffer = new byte[4096];
        int n;
        try {
            n = in.read(buffer);
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
        if (n < 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            parse(buffer[i] & 0xff);
        }
        return true;
    }

    private void parse(int b) {
        if (parser != ParserState.DATA || b == IAC) {
            negotiationBytesReceived++;
        }
        switch (parser) {
            case DATA -> {
                if (b == IAC) {
                    parser = ParserState.IAC;
                } else {
                    text.append((char) b);
                }
            }
            case IAC -> {
                if (b == IAC) {
                    text.append((char) 255);
                    negotiationBytesReceived -= 2;
                    parser = ParserState.DATA;
                } else if (b >= WILL) {
                    verb = b;
                    parser = ParserState.VERB;
                } else if (b == SB) {
                    subnegotiation.reset();
                    parser = ParserState.SB;
                } else {
                    parser = ParserState.DATA;
                }
            }
            case VERB -> {
                parser = ParserState.DATA;
                answer(verb, b);
            }
            case SB -> {
                if (b == IAC) {
                    parser = ParserState.SB_IAC;
                } else {
                    subnegotiation.write(b);
                }
            }
            case SB_IAC -> {
                if (b == SE) {
                    parser = ParserState.DATA;
                    onSubnegotiation(subnegotiation.toByteArray());
                } else {
                    subnegotiation.write(b);
                    parser = ParserState.SB;
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private void answer(int command, int option) {
        switch (policy) {
            case TELNETLIB -> reply(command == DO || command == DONT ? WONT : DONT, option);
            case SCRAPLI -> {
                if (command == DO && option == SGA) {
                    reply(WILL, option);
                } else if (command == DO || command == DONT) {
                    reply(WONT, option);
                } else {
                    reply(command == WILL ? DO : DONT, option);
                }
            }
            case TERMINAL -> {
                if (command == WILL) {
                    reply(DO, option);
                } else if (command == DO && option == NAWS) {
                    reply(WILL, option);
                    sendNegotiation(new byte[] {(byte) IAC, (byte) SB, NAWS, 0, 80, 0, 24, (byte) IAC, (byte) SE});
                } else if (command == DO && option == TTYPE) {
                    reply(WILL, option);
                } else if (command == DO) {
                    reply(WONT, option);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private void onSubnegotiation(byte[] parameters) {
        if (policy == Policy.TERMINAL && parameters.length == 2 && parameters[0] == TTYPE && parameters[1] == 1) {
            sendNegotiation(new byte[] {(byte) IAC, (byte) SB, TTYPE, 0, 'X', 'T', 'E', 'R', 'M', (byte) IAC,
                (byte) SE});
        }
    }

    private void reply(int command, int option) {
        sendNegotiation(new byte[] {(byte) IAC, (byte) command, (byte) option});
    }

    private void sendNegotiation(byte[] bytes) {
        negotiationBytesSent += bytes.length;
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException peerClosed) {
            // The server may close while its last offers are still being answered; the answer is simply lost.
            negotiationBytesSent -= bytes.length;
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
