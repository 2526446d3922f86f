package yardstick.platform.audit;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;

/**
 * The resource a request names, as AIP resource-oriented requests name it: its {@code name},
 * {@code parent} or {@code inspection} string field, or else the same of the resource it carries
 * (an update's {@code inspection} or {@code judgements} message, a recorded decision's inspection). Nothing else of the
 * request is read: its other fields may hold case values.
 */
public final class RequestResource {

    private static final List<String> NAMING_FIELDS = List.of("name", "parent", "inspection");

    private RequestResource() {
    }

    public static String of(Object request) {
        if (!(request instanceof Message message)) {
            return "";
        }
        String named = naming(message);
        if (!named.isEmpty()) {
            return named;
        }
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated() && message.hasField(field)) {
                String value = naming((Message) message.getField(field));
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return "";
    }

    private static String naming(Message message) {
        for (String field : NAMING_FIELDS) {
            String value = string(message, field);
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static String string(Message message, String name) {
        FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
        if (field == null || field.isRepeated() || field.getJavaType() != FieldDescriptor.JavaType.STRING) {
            return "";
        }
        return (String) message.getField(field);
    }
}
