package dev.ioslab.transfer.ftp;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection FTP server on 127.0.0.1 that plays a script written in the test: what it replies, what it expects,
 * when it stalls, breaks or lies. Plain blocking sockets on one thread; {@link #close()} closes everything it opened.
 */
final class ScriptedFtpServer implements AutoCloseable {

    /** How long the script waits for the client at any step before giving up. */
    static final int STEP_MILLIS = 10_000;
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    interface Script {
        void play(Dialogue dialogue) throws Exception;
    }

    private final ServerSocket listener;
    private final List<Closeable> opened = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> played = new CompletableFuture<>();
    private final Thread thread;

    ScriptedFtpServer(Script script) throws IOException {
        listener = new ServerSocket(0, 5, LOOPBACK);
        listener.setSoTimeout(STEP_MILLIS);
        thread = new Thread(() -> {
            try {
                Socket control = listener.accept();
                opened.add(control);
                script.play(new Dialogue(control));
                played.complete(null);
            } catch (Throwable failure) {
                played.completeExceptionally(failure);
            }
        }, "scripted-ftp-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Waits for the script's end and rethrows what went wrong in it (the client sent something unexpected). */
    void awaitScript() throws Exception {
        played.get(STEP_MILLIS * 2L, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (opened) {
            for (Closeable closeable : opened) {
                closeable.close();
            }
        }
        try {
            thread.join(STEP_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server's side of one conversation. */
    final class Dialogue {

        private final Socket control;
        private final BufferedReader in;
        private final OutputStream out;

        Dialogue(Socket control) throws IOException {
            this.control = control;
            control.setSoTimeout(STEP_MILLIS);
            this.in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8));
            this.out = control.getOutputStream();
        }

        Socket control() {
            return control;
        }

        void reply(String line) throws IOException {
            raw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        void raw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Reads the client's next command and checks how it starts. */
        String expect(String start) throws IOException {
            String line = in.readLine();
            if (line == null || !line.startsWith(start)) {
                throw new AssertionError("expected " + start + ", the client sent " + line);
            }
            return line;
        }

        /** Greeting, USER, PASS, TYPE I. */
        void login() throws IOException {
            reply("220 scripted");
            expect("USER ");
            reply("331 password please");
            expect("PASS ");
            reply("230 logged in");
            expect("TYPE I");
            reply("200 binary");
        }

        /**
         * Login, SIZE answered with {@code sizeReply}, a passive data connection, then RETR (its command starting
         * with {@code retr}) answered with 150: the data connection, ready for the file's bytes.
         */
        Socket retrieving(String sizeReply, String retr) throws IOException {
            login();
            expect("SIZE");
            reply(sizeReply);
            Socket data = passive();
            expect(retr);
            reply("150 here it comes");
            return data;
        }

        /** Sends {@code line} every {@code millis} until the client closes the control connection. */
        void repeatUntilClosed(String line, long millis) throws InterruptedException {
            try {
                for (int i = 0; i < 200; i++) {
                    reply(line);
                    Thread.sleep(millis);
                }
            } catch (IOException closedByClient) {
                // the client gave up
            }
        }

        ServerSocket dataListener() throws IOException {
            ServerSocket data = new ServerSocket(0, 1, LOOPBACK);
            data.setSoTimeout(STEP_MILLIS);
            opened.add(data);
            return data;
        }

        Socket accept(ServerSocket data) throws IOException {
            Socket socket = data.accept();
            socket.setSoTimeout(STEP_MILLIS);
            opened.add(socket);
            return socket;
        }

        /** EPSV answered, the client's data connection accepted. */
        Socket passive() throws IOException {
            ServerSocket data = dataListener();
            expect("EPSV");
            reply("229 Entering Extended Passive Mode (|||" + data.getLocalPort() + "|)");
            return accept(data);
        }

        /** Connects to the address of the client's EPRT line. */
        Socket activeFromEprt(String eprtLine) throws IOException {
            String[] parts = eprtLine.substring("EPRT ".length()).split("\\|");
            Socket socket = new Socket();
            opened.add(socket);
            socket.connect(new InetSocketAddress(InetAddress.getByName(parts[2]), Integer.parseInt(parts[3])),
                    STEP_MILLIS);
            socket.setSoTimeout(STEP_MILLIS);
            return socket;
        }

        /** Whether the client closes {@code socket} within the step time (reads and drops anything sent). */
        boolean closedByClient(Socket socket) throws IOException {
            InputStream input = socket.getInputStream();
            byte[] sink = new byte[8192];
            try {
                while (input.read(sink) >= 0) {
                    // drain
                }
                return true;
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }
}
