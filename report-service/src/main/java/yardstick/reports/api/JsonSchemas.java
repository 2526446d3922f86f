package yardstick.reports.api;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Schema (2020-12) of a message as its JSON rendition writes it: protobuf's JSON mapping
 * with the contract's field names (64-bit integers as strings, enums by name, timestamps as RFC
 * 3339 text). Made from the contract itself, so it cannot drift from what is served; the field
 * comments are in {@code proto/}.
 */
final class JsonSchemas {

    private JsonSchemas() {
    }

    static String of(Descriptor root, String id) {
        Map<String, Value> definitions = new LinkedHashMap<>();
        define(root, definitions);
        Struct.Builder schema = Struct.newBuilder()
                .putFields("$schema", text("https://json-schema.org/draft/2020-12/schema"))
                .putFields("$id", text(id))
                .putFields("title", text(root.getFullName()))
                .putFields("description", text("The " + root.getName() + " message of Yardstick's contract in protobuf's JSON mapping "
                        + "(field names as in the .proto; fields at their default value are left out)."))
                .putFields("$ref", text("#/$defs/" + root.getFullName()));
        Struct.Builder defs = Struct.newBuilder();
        definitions.forEach(defs::putFields);
        schema.putFields("$defs", Value.newBuilder().setStructValue(defs).build());
        try {
            return JsonFormat.printer().print(schema);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void define(Descriptor message, Map<String, Value> definitions) {
        if (definitions.containsKey(message.getFullName())) {
            return;
        }
        definitions.put(message.getFullName(), Value.getDefaultInstance()); // placeholder against cycles
        Struct.Builder properties = Struct.newBuilder();
        for (FieldDescriptor field : message.getFields()) {
            Value type = type(field, definitions);
            properties.putFields(field.getName(), field.isRepeated() && !field.isMapField()
                    ? object(Map.of("type", text("array"), "items", type)) : type);
        }
        definitions.put(message.getFullName(), object(Map.of("type", text("object"),
                "properties", Value.newBuilder().setStructValue(properties).build(), "additionalProperties", Value.newBuilder().setBoolValue(false).build())));
    }

    private static Value type(FieldDescriptor field, Map<String, Value> definitions) {
        return switch (field.getJavaType()) {
            case INT, FLOAT, DOUBLE -> object(Map.of("type", text(field.getJavaType() == FieldDescriptor.JavaType.INT ? "integer" : "number")));
            case LONG -> object(Map.of("type", text("string"), "pattern", text("^-?[0-9]+$")));
            case BOOLEAN -> object(Map.of("type", text("boolean")));
            case STRING -> object(Map.of("type", text("string")));
            case BYTE_STRING -> object(Map.of("type", text("string"), "contentEncoding", text("base64")));
            case ENUM -> {
                com.google.protobuf.ListValue.Builder names = com.google.protobuf.ListValue.newBuilder();
                for (EnumValueDescriptor value : field.getEnumType().getValues()) {
                    names.addValues(text(value.getName()));
                }
                yield object(Map.of("type", text("string"), "enum", Value.newBuilder().setListValue(names).build()));
            }
            case MESSAGE -> {
                Descriptor message = field.getMessageType();
                if (message.getFullName().equals("google.protobuf.Timestamp")) {
                    yield object(Map.of("type", text("string"), "format", text("date-time")));
                }
                define(message, definitions);
                yield object(Map.of("$ref", text("#/$defs/" + message.getFullName())));
            }
        };
    }

    private static Value object(Map<String, Value> fields) {
        Struct.Builder struct = Struct.newBuilder();
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> struct.putFields(e.getKey(), e.getValue()));
        return Value.newBuilder().setStructValue(struct).build();
    }

    private static Value text(String text) {
        return Value.newBuilder().setStringValue(text).build();
    }
}
