package yardstick.platform.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Malformed and oversized requests made from a method's request descriptor: a plausible request
 * (reference fields naming resources of the service, some of them real) spoilt by one to three
 * mutations, each of a kind a hostile or broken client sends: unknown enum numbers, huge strings
 * and invalid UTF-8, NUL characters, repetition past every bound, negative and overflowing numbers,
 * impossible dates and times, bad resource names and page tokens, people's names in reference
 * fields, and bytes that are no protobuf at all. Seeded, so that a failure can be replayed.
 */
public final class HostileRequests {

    /** One request: its bytes on the wire and what was done to it, for the failure message. */
    public record Hostile(byte[] bytes, String mutations) {
    }

    enum Mutation {
        UNKNOWN_ENUM, HUGE_STRING, LONG_REFERENCE, INVALID_UTF8, NUL_CHARACTER, DEEP_REPETITION, NEGATIVE_NUMBER,
        OVERFLOWING_NUMBER, IMPOSSIBLE_DATE, BAD_RESOURCE_NAME, BAD_PAGE_TOKEN, PERSON_NAME, NOT_PROTOBUF
    }

    private static final List<String> REFERENCE_FIELDS = List.of("name", "parent", "inspection", "framework", "publication",
            "report", "plan", "snapshot", "ratings_snapshot", "standard", "key_question", "case", "sampled_case");
    private static final List<String> PERSON_NAME_FIELDS = List.of("reference", "case_manager", "owner", "subject");

    private final Random random;
    private final List<String> knownNames;

    /** @param knownNames names of resources that exist, so that some requests get past the lookup */
    public HostileRequests(long seed, List<String> knownNames) {
        this.random = new Random(seed);
        this.knownNames = List.copyOf(knownNames);
    }

    public Hostile next(Descriptor type) {
        // A request of no fields can only be spoilt by sending what is not protobuf.
        if (random.nextInt(40) == 0 || type.getFields().isEmpty()) {
            return new Hostile(notProtobuf(type), Mutation.NOT_PROTOBUF.name());
        }
        DynamicMessage.Builder request = plausible(type, 0);
        List<String> done = new ArrayList<>();
        List<byte[]> appended = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            done.add(mutateSomewhere(request, appended, ""));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            request.build().writeTo(bytes);
            for (byte[] field : appended) {
                bytes.write(field);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Hostile(bytes.toByteArray(), String.join(", ", done));
    }

    /**
     * Random bytes that do not parse as {@code type}. Random bytes now and then happen to be valid
     * protobuf (a few unknown fields), and those are a well-formed request, not garbage.
     */
    private byte[] notProtobuf(Descriptor type) {
        while (true) {
            byte[] garbage = new byte[1 + random.nextInt(200)];
            random.nextBytes(garbage);
            try {
                DynamicMessage.parseFrom(type, garbage);
            } catch (InvalidProtocolBufferException e) {
                return garbage;
            }
        }
    }

    /** A request such as a client means to send: most fields set, references naming this suite's resources. */
    private DynamicMessage.Builder plausible(Descriptor type, int depth) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
        for (FieldDescriptor field : type.getFields()) {
            if (random.nextInt(10) < 3 || (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth >= 3)
                    || OutputOnlyFields.isOutputOnly(field)) {
                continue;
            }
            if (field.getRealContainingOneof() != null && message.hasOneof(field.getRealContainingOneof())) {
                continue;
            }
            if (field.isMapField()) {
                continue;
            }
            if (field.isRepeated()) {
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    message.addRepeatedField(field, value(field, depth));
                }
            } else {
                message.setField(field, value(field, depth));
            }
        }
        return message;
    }

    private Object value(FieldDescriptor field, int depth) {
        return switch (field.getJavaType()) {
            case STRING -> plausibleString(field);
            case INT -> random.nextInt(40);
            case LONG -> (long) random.nextInt(40);
            case BOOLEAN -> random.nextBoolean();
            case DOUBLE -> random.nextDouble();
            case FLOAT -> random.nextFloat();
            case BYTE_STRING -> ByteString.copyFromUtf8("content");
            case ENUM -> {
                EnumDescriptor type = field.getEnumType();
                yield type.getValues().get(random.nextInt(type.getValues().size()));
            }
            case MESSAGE -> plausible(field.getMessageType(), depth + 1).build();
        };
    }

    private String plausibleString(FieldDescriptor field) {
        String name = field.getName();
        if (name.equals("request_id")) {
            return UUID.randomUUID().toString();
        }
        if (name.equals("page_token") || name.equals("etag")) {
            return "";
        }
        if (name.equals("framework")) {
            return random.nextBoolean() ? "frameworks/youth-2021" : "frameworks/youth-2019";
        }
        if (REFERENCE_FIELDS.contains(name) || name.endsWith("_name")) {
            return resourceName();
        }
        if (PERSON_NAME_FIELDS.contains(name)) {
            return "YJS-" + (10000 + random.nextInt(90000));
        }
        return "words of a careful inspector, " + random.nextInt(1000);
    }

    private String resourceName() {
        if (!knownNames.isEmpty() && random.nextInt(3) > 0) {
            return knownNames.get(random.nextInt(knownNames.size()));
        }
        String uuid = UUID.randomUUID().toString();
        return switch (random.nextInt(6)) {
            case 0 -> "inspections/" + uuid;
            case 1 -> "reports/" + uuid;
            case 2 -> "plans/" + uuid;
            case 3 -> "publications/" + uuid;
            case 4 -> "inspections/" + uuid + "/ratingSnapshots/1";
            default -> "inspections/" + uuid + "/cases/YJS-00042";
        };
    }

    /** Spoils one field of {@code request} (or adds raw bytes to {@code appended}) and says how. */
    /** Spoils the request itself, or half the time a message within it (a row of an import, a tally, a date). */
    private String mutateSomewhere(DynamicMessage.Builder request, List<byte[]> appended, String path) {
        List<FieldDescriptor> nested = request.getAllFields().keySet().stream()
                .filter(f -> f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isMapField()).toList();
        if (nested.isEmpty() || random.nextBoolean()) {
            return path + mutate(request, appended);
        }
        FieldDescriptor field = nested.get(random.nextInt(nested.size()));
        // Raw bytes spoiling a nested message travel within it, as fields it does not know of but protobuf parses as its own.
        List<byte[]> notAppended = new ArrayList<>();
        if (field.isRepeated()) {
            int index = random.nextInt(request.getRepeatedFieldCount(field));
            DynamicMessage.Builder element = ((DynamicMessage) request.getRepeatedField(field, index)).toBuilder();
            String done = mutateSomewhere(element, notAppended, path + field.getName() + "[" + index + "].");
            request.setRepeatedField(field, index, withRawFields(element, notAppended));
            return done;
        }
        DynamicMessage.Builder value = ((DynamicMessage) request.getField(field)).toBuilder();
        String done = mutateSomewhere(value, notAppended, path + field.getName() + ".");
        request.setField(field, withRawFields(value, notAppended));
        return done;
    }

    private static DynamicMessage withRawFields(DynamicMessage.Builder message, List<byte[]> raw) {
        for (byte[] field : raw) {
            try {
                message.mergeUnknownFields(UnknownFieldSet.parseFrom(field));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }
        return message.build();
    }

    private String mutate(DynamicMessage.Builder request, List<byte[]> appended) {
        Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length - 1)];
        // A mutation that fits a field of this message, where one does.
        for (int tries = 0; tries < 10 && fieldOf(request.getDescriptorForType(), mutation).isEmpty(); tries++) {
            mutation = Mutation.values()[random.nextInt(Mutation.values().length - 1)];
        }
        List<FieldDescriptor> fields = request.getDescriptorForType().getFields().stream().filter(f -> !OutputOnlyFields.isOutputOnly(f)).toList();
        if (fields.isEmpty()) {
            return "no field to spoil";
        }
        FieldDescriptor field = fields.get(random.nextInt(fields.size()));
        FieldDescriptor target = fieldOf(request.getDescriptorForType(), mutation).orElse(field);
        String what = mutation + " in " + target.getName();
        switch (mutation) {
            case UNKNOWN_ENUM -> {
                if (target.getJavaType() != FieldDescriptor.JavaType.ENUM) {
                    return "no enum: " + corruptString(request, appended);
                }
                int number = random.nextBoolean() ? 999 + random.nextInt(1000) : -1 - random.nextInt(1000);
                set(request, target, target.getEnumType().findValueByNumberCreatingIfUnknown(number));
            }
            case HUGE_STRING -> setString(request, target, appended, "x".repeat(100_001 + random.nextInt(300_000)));
            case LONG_REFERENCE -> setString(request, target, appended, "inspections/" + "a".repeat(1_001 + random.nextInt(4_000)));
            case INVALID_UTF8 -> {
                return what + ": " + corruptString(request, appended);
            }
            case NUL_CHARACTER -> setString(request, target, appended, "inspections/\u0000" + UUID.randomUUID());
            case DEEP_REPETITION -> {
                if (!target.isRepeated()) {
                    return "no repeated field: " + corruptString(request, appended);
                }
                request.clearField(target);
                Object element = target.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                        ? DynamicMessage.getDefaultInstance(target.getMessageType()) : value(target, 3);
                int count = 10_001 + random.nextInt(5_000);
                for (int i = 0; i < count; i++) {
                    request.addRepeatedField(target, element);
                }
            }
            case NEGATIVE_NUMBER, OVERFLOWING_NUMBER -> {
                boolean negative = mutation == Mutation.NEGATIVE_NUMBER;
                switch (target.getJavaType()) {
                    case INT -> set(request, target, negative ? (random.nextBoolean() ? -1 : Integer.MIN_VALUE) : Integer.MAX_VALUE);
                    case LONG -> set(request, target, negative ? Long.MIN_VALUE : Long.MAX_VALUE);
                    case DOUBLE -> set(request, target, negative ? Double.NEGATIVE_INFINITY : (random.nextBoolean() ? Double.NaN : 1e308));
                    case FLOAT -> set(request, target, negative ? Float.NEGATIVE_INFINITY : Float.NaN);
                    default -> {
                        return "no number: " + corruptString(request, appended);
                    }
                }
            }
            case IMPOSSIBLE_DATE -> {
                if (target.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                    return "no date: " + corruptString(request, appended);
                }
                set(request, target, impossible(target.getMessageType()));
            }
            case BAD_RESOURCE_NAME -> setString(request, target, appended, badName());
            case BAD_PAGE_TOKEN -> setString(request, target, appended, badPageToken());
            case PERSON_NAME -> setString(request, target, appended, random.nextBoolean() ? "Jane Smith" : "Smith-Jones, Jane");
            default -> throw new IllegalStateException();
        }
        return what;
    }

    /** A field the mutation fits, if the message has one. */
    private java.util.Optional<FieldDescriptor> fieldOf(Descriptor type, Mutation mutation) {
        // A server ignores what a client sends in an output-only field (AIP-203): spoiling one spoils nothing.
        List<FieldDescriptor> fitting = type.getFields().stream().filter(f -> !OutputOnlyFields.isOutputOnly(f)).filter(f -> switch (mutation) {
            case UNKNOWN_ENUM -> f.getJavaType() == FieldDescriptor.JavaType.ENUM;
            case DEEP_REPETITION -> f.isRepeated() && !f.isMapField();
            case NEGATIVE_NUMBER, OVERFLOWING_NUMBER -> switch (f.getJavaType()) {
                case INT, LONG, DOUBLE, FLOAT -> true;
                default -> false;
            };
            case IMPOSSIBLE_DATE -> f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isRepeated();
            case BAD_PAGE_TOKEN -> f.getName().equals("page_token");
            case BAD_RESOURCE_NAME -> f.getJavaType() == FieldDescriptor.JavaType.STRING && REFERENCE_FIELDS.contains(f.getName());
            case PERSON_NAME -> f.getJavaType() == FieldDescriptor.JavaType.STRING;
            default -> f.getJavaType() == FieldDescriptor.JavaType.STRING || (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && !f.isRepeated() && f.getMessageType().getFields().stream()
                    .anyMatch(g -> g.getJavaType() == FieldDescriptor.JavaType.STRING));
        }).toList();
        return fitting.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(fitting.get(random.nextInt(fitting.size())));
    }

    /** Every number of a message (a date, a time, a tally) out of its range. */
    private Message impossible(Descriptor type) {
        DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
        for (FieldDescriptor field : type.getFields()) {
            if (field.isRepeated()) {
                continue;
            }
            switch (field.getJavaType()) {
                case INT -> message.setField(field, random.nextBoolean() ? -1 - random.nextInt(100) : 13 + random.nextInt(Integer.MAX_VALUE - 13));
                case LONG -> message.setField(field, random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE);
                default -> {
                }
            }
        }
        return message.build();
    }

    private String badName() {
        String uuid = UUID.randomUUID().toString();
        List<String> names = List.of("", "inspections/" + uuid, "reports/" + UUID.randomUUID(), "inspections/", "inspections/not-a-uuid", "inspections/" + uuid + "/../../etc/passwd",
                "reports/" + uuid, "plans/" + uuid + "/objectives/-1", "reports/" + uuid + "@-1", "reports/" + uuid + "@99999999999",
                "inspections/" + uuid + "/ratingSnapshots/-1", "inspections/" + uuid + "/ratingSnapshots/99999999999",
                "frameworks/youth-1999", "*", "inspections/%00", "inspections/" + uuid + "/cases/Jane Smith", "/",
                "publications/" + uuid + "/../" + uuid, "inspections/" + uuid.toUpperCase() + "/cases/",
                "plans/" + uuid + "/objectives/1/actions/2147483648", "\u202einspections/" + uuid);
        return names.get(random.nextInt(names.size()));
    }

    private String badPageToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        List<String> tokens = List.of("-1", "0", "abc", "%%%", "offset:5",
                base64.encodeToString("offset:-5".getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString("offset:99999999999999".getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString("offset:2147483647".getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString("after:not-a-key".getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString("after:".getBytes(StandardCharsets.UTF_8)),
                "A".repeat(5_000));
        return tokens.get(random.nextInt(tokens.size()));
    }

    private void set(DynamicMessage.Builder request, FieldDescriptor field, Object value) {
        if (field.isRepeated()) {
            request.clearField(field);
            request.addRepeatedField(field, value);
        } else {
            request.setField(field, value);
        }
    }

    /** Puts {@code value} in a string field (the target when it is one, else any), or says there was none. */
    private void setString(DynamicMessage.Builder request, FieldDescriptor target, List<byte[]> appended, String value) {
        FieldDescriptor field = target.getJavaType() == FieldDescriptor.JavaType.STRING ? target
                : request.getDescriptorForType().getFields().stream().filter(f -> f.getJavaType() == FieldDescriptor.JavaType.STRING)
                .findFirst().orElse(null);
        if (field == null) {
            appended.add(invalidUtf8Field(1 + random.nextInt(20)));
            return;
        }
        set(request, field, value);
    }

    /** Bytes that are not UTF-8 in a string field, which protobuf refuses to parse; the field's raw bytes are appended. */
    private String corruptString(DynamicMessage.Builder request, List<byte[]> appended) {
        FieldDescriptor field = request.getDescriptorForType().getFields().stream()
                .filter(f -> f.getJavaType() == FieldDescriptor.JavaType.STRING).findFirst().orElse(null);
        if (field == null) {
            // Within a nested message's string, when the request has only messages.
            FieldDescriptor nested = request.getDescriptorForType().getFields().stream()
                    .filter(f -> f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && f.getMessageType().getFields().stream()
                            .anyMatch(g -> g.getJavaType() == FieldDescriptor.JavaType.STRING)).findFirst().orElse(null);
            if (nested == null) {
                return "nothing to corrupt";
            }
            FieldDescriptor inner = nested.getMessageType().getFields().stream()
                    .filter(g -> g.getJavaType() == FieldDescriptor.JavaType.STRING).findFirst().orElseThrow();
            appended.add(lengthDelimited(nested.getNumber(), invalidUtf8Field(inner.getNumber())));
            return "invalid UTF-8 in " + nested.getName() + "." + inner.getName();
        }
        request.clearField(field);
        appended.add(invalidUtf8Field(field.getNumber()));
        return "invalid UTF-8 in " + field.getName();
    }

    private byte[] invalidUtf8Field(int number) {
        byte[] bad = {'Y', 'J', 'S', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        return lengthDelimited(number, bad);
    }

    private static byte[] lengthDelimited(int number, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            out.writeByteArray(number, content);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
