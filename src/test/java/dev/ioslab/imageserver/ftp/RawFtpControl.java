package dev.ioslab.imageserver.ftp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bare FTP control connection for tests that must behave like a broken or hostile client: it sends exactly the
 * lines it is told and reads replies (RFC 959 section 4.2, multi-line replies included) with a read timeout.
 */
final class RawFtpControl implements AutoCloseable {

    /** One reply: its code and its last line. */
    record Reply(int code, String text) {
    }

    private static final Pattern PASV = Pattern.compile("\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)");

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    RawFtpControl(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.connect(server, 5000);
        socket.setSoTimeout(20_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
    }

    /** Reads the next reply; null when the server closed the connection. */
    Reply reply() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        if (line.length() > 3 && line.charAt(3) == '-') {
            String end = line.substring(0, 3) + " ";
            while (line != null && !line.startsWith(end)) {
                line = in.readLine();
            }
            if (line == null) {
                return null;
            }
        }
        return new Reply(Integer.parseInt(line.substring(0, 3)), line);
    }

    /** Sends {@code line} and reads the reply. */
    Reply send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    /** Logs in and fails the test when the server does not answer 230. */
    void login(String user, String password) throws IOException {
        Reply greeting = reply();
        if (greeting == null || greeting.code() != 220) {
            throw new IOException("no greeting: " + greeting);
        }
        Reply toUser = send("USER " + user);
        Reply toPass = toUser.code() == 331 ? send("PASS " + password) : toUser;
        if (toPass == null || toPass.code() != 230) {
            throw new IOException("login refused: " + toPass);
        }
    }

    /** {@code PASV}, returning the data address the server announced. */
    InetSocketAddress passive() throws IOException {
        Reply reply = send("PASV");
        Matcher m = PASV.matcher(reply == null ? "" : reply.text());
        if (reply == null || reply.code() != 227 || !m.find()) {
            throw new IOException("PASV refused: " + reply);
        }
        String host = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
        return new InetSocketAddress(host, Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6)));
    }

    /**
     * Waits until the server closes the connection, reading and dropping any reply first.
     *
     * @return whether it closed within the read timeout
     */
    boolean awaitClose() throws IOException {
        try {
            while (in.readLine() != null) {
                // Replies before the close (421 and the like) are not the point here.
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
