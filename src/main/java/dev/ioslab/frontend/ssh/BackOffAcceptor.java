package dev.ioslab.frontend.ssh;

import dev.ioslab.frontend.admission.ConnectionLog;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.common.PropertyResolver;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.nio2.Nio2Acceptor;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;

/**
 * MINA's NIO2 acceptor on listening sockets that pause after a failed accept ({@link BackOffServerSocketChannel})
 * instead of spinning; everything else is MINA's.
 *
 * <p>Threading: as {@link Nio2Acceptor}.
 */
final class BackOffAcceptor extends Nio2Acceptor {

    private final ScheduledExecutorService timer;
    private final ConnectionLog log;

    BackOffAcceptor(Nio2ServiceFactory sessions, PropertyResolver properties, IoHandler handler,
                    AsynchronousChannelGroup group, ExecutorService resumeTasks, ScheduledExecutorService timer,
                    ConnectionLog log) {
        super(sessions, properties, handler, group, resumeTasks);
        this.timer = timer;
        this.log = log;
    }

    @Override
    protected AsynchronousServerSocketChannel openAsynchronousServerSocketChannel(SocketAddress address,
                                                                                AsynchronousChannelGroup group)
            throws IOException {
        return new BackOffServerSocketChannel(AsynchronousServerSocketChannel.open(group), timer, log);
    }
}
