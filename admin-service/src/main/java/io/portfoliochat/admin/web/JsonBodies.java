package io.portfoliochat.admin.web;

import io.portfoliochat.support.web.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a JSON request body into a request record strictly: unknown fields, wrong types and
 * explicit nulls for booleans or numbers are 400s naming the field (a typo must never be silently
 * ignored), then Bean Validation runs and every violation is reported with its path.
 */
@Component
public class JsonBodies {

    private final JsonMapper strict;
    private final Validator validator;

    JsonBodies(JsonMapper jsonMapper, Validator validator) {
        this.strict = jsonMapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
        this.validator = validator;
    }

    /** The body as {@code type}, valid; otherwise a 400 that says what is wrong. */
    public <T> T read(JsonNode body, Class<T> type) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ApiException.badRequest("Request body is required");
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
        T value;
        try {
            value = strict.treeToValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("Unknown field '" + path(e) + "'" + allowed(e.getKnownPropertyIds()));
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest("Field '" + path(e) + "' must be " + expected(e.getTargetType()));
        } catch (JacksonException e) {
            throw ApiException.badRequest("Request body does not have the expected shape");
        }
        validate(value);
        invalidCharacters(body, "").ifPresent(field -> {
            throw ApiException.badRequest("Field '" + field + "' contains invalid characters");
        });
        return value;
    }

    /** The path of the first string in the body that {@link TextCharacters} refuses. */
    private static Optional<String> invalidCharacters(JsonNode node, String path) {
        if (node.isString()) {
            return TextCharacters.invalid(node.stringValue()) ? Optional.of(path) : Optional.empty();
        }
        Optional<String> found = Optional.empty();
        if (node.isArray()) {
            for (int i = 0; i < node.size() && found.isEmpty(); i++) {
                found = invalidCharacters(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                found = invalidCharacters(node.get(name), path.isEmpty() ? name : path + "." + name);
                if (found.isPresent()) {
                    break;
                }
            }
        }
        return found;
    }

    private void validate(Object value) {
        List<String> problems = validator.validate(value).stream()
                .map(JsonBodies::describe)
                .distinct()
                .sorted()
                .toList();
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems));
        }
    }

    private static String describe(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path + ": " + violation.getMessage();
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String allowed(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        return " (allowed: " + known.stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        return "an object";
    }
}
