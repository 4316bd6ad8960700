package dev.ioslab.frontend.telnet;

import dev.ioslab.cli.ShellEndpoint;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;

/**
 * Builds the pipeline of one accepted Telnet connection: {@link TelnetDecoder}, the shared {@link TelnetEncoder},
 * then a fresh {@link TelnetSession}; and registers the channel with its server so that closing the server closes it.
 */
final class TelnetChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ShellEndpoint endpoint;
    private final TelnetSettings settings;
    private final TelnetEncoder encoder;
    private final ChannelGroup sessions;

    TelnetChannelInitializer(ShellEndpoint endpoint, TelnetSettings settings, TelnetEncoder encoder,
                             ChannelGroup sessions) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.encoder = encoder;
        this.sessions = sessions;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        sessions.add(channel);
        channel.pipeline()
                .addLast("telnet-decoder", new TelnetDecoder())
                .addLast("telnet-encoder", encoder)
                .addLast("telnet-session", new TelnetSession(endpoint, settings));
    }
}
