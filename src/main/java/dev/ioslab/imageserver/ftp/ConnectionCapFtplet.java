package dev.ioslab.imageserver.ftp;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps open control connections, logged in or not (MINA FtpServer itself caps only logins): above the cap a new
 * connection is answered {@code 421} (RFC 959: service not available, closing control connection) and closed before
 * it can send anything. Idle connections under the cap are closed by MINA's idle timeout.
 *
 * <p>Threading: MINA calls it from its workers; the count is atomic.
 */
final class ConnectionCapFtplet extends DefaultFtplet {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCapFtplet.class);
    private static final String COUNTED = ConnectionCapFtplet.class.getName() + ".counted";

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionCapFtplet(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @Override
    public FtpletResult onConnect(FtpSession session) throws FtpException {
        session.setAttribute(COUNTED, Boolean.TRUE);
        int now = open.incrementAndGet();
        if (now > maxConnections) {
            LOG.warn("FTP connection from {} refused: {} connections are open (limit {})",
                    session.getClientAddress(), now - 1, maxConnections);
            session.write(new DefaultFtpReply(FtpReply.REPLY_421_SERVICE_NOT_AVAILABLE_CLOSING_CONTROL_CONNECTION,
                    "Too many connections, try again later."));
            return FtpletResult.DISCONNECT;
        }
        return FtpletResult.DEFAULT;
    }

    @Override
    public FtpletResult onDisconnect(FtpSession session) {
        if (session.getAttribute(COUNTED) != null) {
            session.removeAttribute(COUNTED);
            open.decrementAndGet();
        }
        return FtpletResult.DEFAULT;
    }

    /** Connections open now. */
    int open() {
        return open.get();
    }
}
