package dev.ioslab.commands.exec;

import dev.ioslab.cli.Invocation;
import dev.ioslab.fs.IosFileSystem;
import java.util.Optional;

/**
 * A whole-file-system argument such as {@code usbflash0:} for {@code format} and {@code erase}: a known prefix
 * with nothing after the colon, otherwise the caret goes under the argument. Stateless.
 */
final class FileSystemArgument {

    private FileSystemArgument() {
    }

    /** The file system named by argument {@code name}, or empty after the refusal has been reported. */
    static Optional<IosFileSystem> parse(Invocation inv, String name) {
        String text = inv.arg(name);
        int colon = text.indexOf(':');
        if (colon <= 0 || colon != text.length() - 1 && !text.substring(colon + 1).equals("/")) {
            inv.rejectArgument(name);
            return Optional.empty();
        }
        Optional<IosFileSystem> fs = inv.context().device().fileSystems().find(text.substring(0, colon));
        if (fs.isEmpty() || !fs.get().spec().type().hasStorage()) {
            inv.rejectArgument(name);
            return Optional.empty();
        }
        return fs;
    }
}
