package yardstick.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Folders a test run needs only while it runs, chiefly fresh PostgreSQL clusters (some 40 MB each,
 * over a hundred a build). They go when the test JVM exits, so that repeated builds do not fill
 * the disk. A folder whose PostgreSQL still holds its {@code postmaster.pid} is left alone: deleting
 * it would leave that server without the lock file it is stopped by.
 */
public final class ScratchDirectories {

    private static final List<Path> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ScratchDirectories::deleteAll, "scratch-directories"));
    }

    private ScratchDirectories() {
    }

    /** A new, empty folder under {@code parent}, named from {@code prefix}, deleted when the JVM exits. */
    public static Path fresh(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            Path directory = Files.createTempDirectory(parent.toAbsolutePath(), prefix);
            synchronized (CREATED) {
                CREATED.add(directory);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll() {
        List<Path> directories;
        synchronized (CREATED) {
            directories = List.copyOf(CREATED);
        }
        for (Path directory : directories) {
            if (!aServerStillRunsIn(directory)) {
                delete(directory);
            }
        }
    }

    private static boolean aServerStillRunsIn(Path directory) {
        try (Stream<Path> files = Files.walk(directory, 4)) {
            return files.anyMatch(file -> file.getFileName().toString().equals("postmaster.pid"));
        } catch (IOException e) {
            return true;
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // What is left stays under target/, which the next clean build removes.
        }
    }
}
