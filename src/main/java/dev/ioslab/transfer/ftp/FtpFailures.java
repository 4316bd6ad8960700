package dev.ioslab.transfer.ftp;

import dev.ioslab.transfer.TransferError;
import dev.ioslab.transfer.TransferException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.Locale;

/**
 * Turns what went wrong (a negative reply, a socket error, a decoding error) into the {@link TransferException} IOS
 * reports. Pure functions; thread-safe.
 */
final class FtpFailures {

    private FtpFailures() {
    }

    /**
     * A negative reply to {@code RETR} (or during the download it started). 550 means the file is not there unless
     * the server says it is a matter of permission (RFC 959 lists 550 for both).
     */
    static TransferException retrieveRefused(FtpReply reply, boolean dataStarted) {
        TransferError error = switch (reply.code()) {
            case 550 -> mentionsPermission(reply) ? TransferError.PERMISSION_DENIED : TransferError.NO_SUCH_FILE;
            default -> general(reply);
        };
        return new TransferException(error, dataStarted, reply.summary());
    }

    /** A negative reply to {@code STOR} (or during the upload it started): RFC 959's 452/552 are "no room". */
    static TransferException storeRefused(FtpReply reply, boolean dataStarted) {
        TransferError error = switch (reply.code()) {
            case 550, 553 -> TransferError.PERMISSION_DENIED;
            case 452, 552 -> TransferError.REMOTE_FULL;
            default -> general(reply);
        };
        return new TransferException(error, dataStarted, reply.summary());
    }

    /**
     * Any reply to USER or PASS but the awaited one: the login failed, unless the server is going away (421) or
     * talks nonsense; 332 asks for an account (ACCT), which IOS never sends.
     */
    static TransferException login(FtpReply reply, String expected) {
        if (reply.code() == 421) {
            return new TransferException(TransferError.CONNECTION_CLOSED, false, reply.summary());
        }
        if (reply.replyClass().isNegative() || reply.code() == 332) {
            return new TransferException(TransferError.LOGIN_FAILED, false, reply.summary());
        }
        return unexpected(reply, expected, false);
    }

    /** Any reply but the awaited one: the server's refusal when negative, else a protocol error. */
    static TransferException answer(FtpReply reply, String expected, boolean dataStarted) {
        return reply.replyClass().isNegative() ? refused(reply, dataStarted) : unexpected(reply, expected, dataStarted);
    }

    /** Any other negative reply: 421 and 426 mean the server closed the connection, the rest is the server's word. */
    static TransferException refused(FtpReply reply, boolean dataStarted) {
        return new TransferException(general(reply), dataStarted, reply.summary());
    }

    /** A reply that makes no sense where it came (a preliminary reply to TYPE, a 229 without a port...). */
    static TransferException unexpected(FtpReply reply, String expected, boolean dataStarted) {
        return new TransferException(TransferError.PROTOCOL_ERROR, dataStarted,
                "expected " + expected + ", got " + reply.summary());
    }

    /** A connection that could not be opened, or broke; {@code where} names it for the log. */
    static TransferException network(Throwable cause, String where, boolean dataStarted) {
        String text = where + ": " + describe(cause);
        if (cause instanceof TransferException transfer) {
            return transfer;
        }
        if (cause instanceof DecoderException) {
            return new TransferException(TransferError.PROTOCOL_ERROR, dataStarted, text, cause);
        }
        return new TransferException(networkError(cause), dataStarted, text, cause);
    }

    private static TransferError networkError(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof ConnectTimeoutException) {
            return TransferError.TIMED_OUT;
        }
        if (cause instanceof NoRouteToHostException || message.contains("unreachable")
                || cause instanceof BindException) {
            return TransferError.HOST_UNREACHABLE;
        }
        if (cause instanceof ConnectException) {
            return TransferError.CONNECTION_REFUSED;
        }
        if (cause instanceof IOException) {
            return TransferError.CONNECTION_CLOSED;
        }
        return TransferError.REMOTE_ERROR;
    }

    private static TransferError general(FtpReply reply) {
        return switch (reply.code()) {
            case 421, 426 -> TransferError.CONNECTION_CLOSED;
            default -> TransferError.REMOTE_ERROR;
        };
    }

    private static boolean mentionsPermission(FtpReply reply) {
        String text = reply.text().toLowerCase(Locale.ROOT);
        return text.contains("permission") || text.contains("denied") || text.contains("not allowed")
                || text.contains("access");
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
