package io.portfoliochat.admin.web;

import io.portfoliochat.support.web.ApiException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The body of a partial update: only the fields present change. Rejects what is not an object, an
 * empty update and unknown fields (a typo must not silently do nothing); typed accessors reject
 * wrong types. {@code null} is allowed only where {@link #optionalText} says so (it clears the value).
 */
public final class PatchBody {

    private final JsonNode body;

    private PatchBody(JsonNode body) {
        this.body = body;
    }

    public static PatchBody of(JsonNode body, Collection<String> allowedFields) {
        String allowed = String.join(", ", allowedFields);
        if (body == null || body.isNull() || body.isMissingNode() || (body.isObject() && body.isEmpty())) {
            throw ApiException.badRequest("Nothing to update: send at least one of " + allowed);
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
        List<String> unknown = body.propertyNames().stream().filter(name -> !allowedFields.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest((unknown.size() == 1 ? "Unknown field " : "Unknown fields ")
                    + String.join(", ", unknown.stream().map(name -> "'" + name + "'").toList()) + " (allowed: " + allowed + ")");
        }
        return new PatchBody(body);
    }

    public boolean has(String field) {
        return body.has(field);
    }

    public boolean bool(String field) {
        JsonNode value = body.get(field);
        if (!value.isBoolean()) {
            throw ApiException.badRequest("Field '" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    /** A string that must be present (not null), {@code min..max} characters, matching {@code pattern} when given. */
    public String requiredText(String field, int min, int max, Pattern pattern, String patternDescription) {
        JsonNode value = body.get(field);
        if (!value.isString()) {
            throw ApiException.badRequest("Field '" + field + "' must be a string");
        }
        return checkText(field, value.stringValue(), min, max, pattern, patternDescription);
    }

    /** A string of at most {@code max} characters, or null to clear it. */
    public String optionalText(String field, int max) {
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest("Field '" + field + "' must be a string or null");
        }
        return checkText(field, value.stringValue(), 0, max, null, null);
    }

    public double number(String field, double min, double max) {
        JsonNode value = body.get(field);
        if (!value.isNumber() || value.doubleValue() < min || value.doubleValue() > max || Double.isNaN(value.doubleValue())) {
            throw ApiException.badRequest("Field '" + field + "' must be a number from " + plain(min) + " to " + plain(max));
        }
        return value.doubleValue();
    }

    public int integer(String field, int min, int max) {
        JsonNode value = body.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw ApiException.badRequest("Field '" + field + "' must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }

    public JsonNode node(String field) {
        return body.get(field);
    }

    /** Length and pattern checks shared by the text accessors; lengths count characters as people see them (code points). */
    private static String checkText(String field, String text, int min, int max, Pattern pattern, String patternDescription) {
        if (TextCharacters.invalid(text)) {
            throw ApiException.badRequest("Field '" + field + "' contains invalid characters");
        }
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw ApiException.badRequest(min > 0
                    ? "Field '" + field + "' must be " + min + " to " + max + " characters long"
                    : "Field '" + field + "' must be at most " + max + " characters long");
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            throw ApiException.badRequest("Field '" + field + "' " + patternDescription);
        }
        return text;
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
