package yardstick.platform.testing;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fields the contracts document as "Output only." (AIP-203), read from the proto sources: a
 * server ignores what a client sends in them, so a request spoilt only there is not spoilt. The
 * generated descriptors carry no comments, hence the sources (`proto/src/main/proto`, found from
 * the module the tests run in).
 */
final class OutputOnlyFields {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern MESSAGE = Pattern.compile("^\\s*message\\s+(\\w+)\\s*\\{");
    private static final Pattern FIELD = Pattern.compile("^\\s*(?:repeated\\s+|optional\\s+)?[\\w.<>, ]+\\s+(\\w+)\\s*=\\s*\\d+");
    private static final Set<String> FULL_NAMES = read();

    private OutputOnlyFields() {
    }

    /** A resource's {@code name} is its identifier in an update (AIP-203's IDENTIFIER), however its comment reads: never ignored. */
    static boolean isOutputOnly(FieldDescriptor field) {
        return !field.getName().equals("name") && FULL_NAMES.contains(field.getFullName());
    }

    private static Set<String> read() {
        Path sources = Path.of("").toAbsolutePath();
        while (sources != null && !Files.isDirectory(sources.resolve("proto/src/main/proto"))) {
            sources = sources.getParent();
        }
        if (sources == null) {
            throw new IllegalStateException("the contracts' sources (proto/src/main/proto) are not above " + Path.of("").toAbsolutePath());
        }
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.walk(sources.resolve("proto/src/main/proto"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".proto")).toList()) {
                read(Files.readAllLines(file), names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }

    private static void read(List<String> lines, Set<String> names) {
        String pkg = "";
        Deque<String> messages = new ArrayDeque<>();
        Deque<Boolean> blockIsMessage = new ArrayDeque<>();
        boolean commentSaysOutputOnly = false;
        for (String line : lines) {
            String code = line.strip();
            if (code.startsWith("//")) {
                commentSaysOutputOnly |= code.contains("Output only");
                continue;
            }
            Matcher declared = PACKAGE.matcher(line);
            if (declared.find()) {
                pkg = declared.group(1);
            }
            Matcher message = MESSAGE.matcher(line);
            boolean declaresMessage = message.find();
            if (declaresMessage) {
                messages.addLast(message.group(1));
            } else {
                Matcher field = FIELD.matcher(line);
                if (field.find() && commentSaysOutputOnly && !messages.isEmpty()) {
                    names.add(pkg + "." + String.join(".", messages) + "." + field.group(1));
                }
            }
            boolean first = true;
            for (char c : code.toCharArray()) {
                if (c == '{') {
                    blockIsMessage.push(declaresMessage && first);
                    first = false;
                } else if (c == '}' && !blockIsMessage.isEmpty() && blockIsMessage.pop()) {
                    messages.removeLast();
                }
            }
            commentSaysOutputOnly = false;
        }
    }
}
