package yardstick.suite;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON document against the subset of JSON Schema the portal's schemas use: {@code $ref}
 * to {@code $defs}, {@code type}, {@code properties} with {@code additionalProperties: false},
 * {@code items}, {@code enum} and {@code pattern}. Returns every mismatch, with its path.
 */
final class JsonSchemaCheck {

    private JsonSchemaCheck() {
    }

    static List<String> problems(String schemaJson, String documentJson) throws Exception {
        Struct.Builder schema = Struct.newBuilder();
        JsonFormat.parser().merge(schemaJson, schema);
        Value.Builder document = Value.newBuilder();
        JsonFormat.parser().merge(documentJson, document);
        List<String> problems = new ArrayList<>();
        check(schema.build(), Value.newBuilder().setStructValue(schema).build(), document.build(), "$", problems);
        return problems;
    }

    private static void check(Struct root, Value schemaValue, Value value, String path, List<String> problems) {
        Struct schema = schemaValue.getStructValue();
        if (schema.containsFields("$ref")) {
            String ref = schema.getFieldsOrThrow("$ref").getStringValue();
            String name = ref.substring("#/$defs/".length());
            Value target = root.getFieldsOrThrow("$defs").getStructValue().getFieldsOrDefault(name, null);
            if (target == null) {
                problems.add(path + ": $ref " + ref + " is not defined");
                return;
            }
            check(root, target, value, path, problems);
            return;
        }
        String type = schema.getFieldsOrDefault("type", Value.getDefaultInstance()).getStringValue();
        switch (type) {
            case "object" -> {
                if (!value.hasStructValue()) {
                    problems.add(path + ": expected an object");
                    return;
                }
                Struct properties = schema.getFieldsOrDefault("properties", Value.getDefaultInstance()).getStructValue();
                value.getStructValue().getFieldsMap().forEach((field, inner) -> {
                    if (!properties.containsFields(field)) {
                        problems.add(path + "." + field + ": not in the schema");
                    } else {
                        check(root, properties.getFieldsOrThrow(field), inner, path + "." + field, problems);
                    }
                });
            }
            case "array" -> {
                if (!value.hasListValue()) {
                    problems.add(path + ": expected an array");
                    return;
                }
                List<Value> items = value.getListValue().getValuesList();
                for (int i = 0; i < items.size(); i++) {
                    check(root, schema.getFieldsOrThrow("items"), items.get(i), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.hasStringValue()) {
                    problems.add(path + ": expected a string");
                } else if (schema.containsFields("enum") && schema.getFieldsOrThrow("enum").getListValue().getValuesList().stream()
                        .noneMatch(e -> e.getStringValue().equals(value.getStringValue()))) {
                    problems.add(path + ": " + value.getStringValue() + " is not one of the enum's values");
                } else if (schema.containsFields("pattern") && !value.getStringValue().matches(schema.getFieldsOrThrow("pattern").getStringValue())) {
                    problems.add(path + ": does not match " + schema.getFieldsOrThrow("pattern").getStringValue());
                }
            }
            case "integer" -> {
                if (!value.hasNumberValue() || value.getNumberValue() != Math.rint(value.getNumberValue())) {
                    problems.add(path + ": expected an integer");
                }
            }
            case "number" -> {
                if (!value.hasNumberValue()) {
                    problems.add(path + ": expected a number");
                }
            }
            case "boolean" -> {
                if (!value.hasBoolValue()) {
                    problems.add(path + ": expected a boolean");
                }
            }
            default -> problems.add(path + ": the schema gives no type");
        }
    }
}
