package io.portfoliochat.system.security;

import static io.portfoliochat.system.security.BadInput.Caller.ADMIN;
import static io.portfoliochat.system.security.BadInput.Caller.ANONYMOUS;
import static io.portfoliochat.system.security.BadInput.Caller.VISITOR;
import static io.portfoliochat.system.security.BadInput.Caller.VISITOR_WITH_CONVERSATION;

import io.portfoliochat.system.security.BadInput.Caller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad-input corpus: every public route of the gateway with malformed, truncated, mistyped,
 * oversized, deeply nested and wrongly encoded bodies, injection strings in the wrong places,
 * invalid ids and paging values, wrong content types and methods, and requests no client library
 * would send. Each case names what it tries and what the answer must say.
 */
final class BadInputCorpus {

    static final String NOT_JSON = "Request body is not valid JSON";
    static final String JSON_ONLY = "Content-Type must be application/json";
    static final String TOO_LARGE = "The request body is too large";
    static final String MALFORMED = "The request is malformed";
    private static final int KB = 1024;

    private BadInputCorpus() {
    }

    static List<BadInput> all() {
        List<BadInput> cases = new ArrayList<>();
        cases.addAll(session());
        cases.addAll(send());
        cases.addAll(messages());
        cases.addAll(read());
        cases.addAll(conversations());
        cases.addAll(conversationChange());
        cases.addAll(settings());
        cases.addAll(login());
        cases.addAll(portfolio());
        cases.addAll(aiRespond());
        cases.addAll(pusherAuth());
        cases.addAll(clientConfig());
        cases.addAll(methods());
        cases.addAll(protocol());
        return cases;
    }

    // --- POST /api/chat/session -------------------------------------------------------------------

    private static List<BadInput> session() {
        String route = "session";
        List<BadInput> cases = new ArrayList<>(malformedJson(route, "POST", "/api/chat/session", ANONYMOUS, "sessionToken"));
        cases.add(json(route, "token is a number", ANONYMOUS, "POST", "/api/chat/session", "{\"sessionToken\": 42}",
                400, "Field 'sessionToken' must be a string"));
        cases.add(json(route, "token is not a UUID", ANONYMOUS, "POST", "/api/chat/session", "{\"sessionToken\": \"abc\"}",
                400, "sessionToken must be a UUID"));
        cases.add(json(route, "token is an SQL injection", ANONYMOUS, "POST", "/api/chat/session",
                "{\"sessionToken\": \"' OR '1'='1' --\"}", 400, "sessionToken must be a UUID"));
        cases.add(json(route, "token with a zero-width space inside", ANONYMOUS, "POST", "/api/chat/session",
                "{\"sessionToken\": \"5302889d-3b83-4c4d-\\u200bbc92-da1ada83e29b\"}", 400, "sessionToken must be a UUID"));
        cases.add(json(route, "unknown field", ANONYMOUS, "POST", "/api/chat/session", "{\"visitorId\": \"me\"}",
                400, "Unknown field 'visitorId'"));
        cases.add(json(route, "top-level array", ANONYMOUS, "POST", "/api/chat/session", "[]", 400, NOT_JSON));
        return cases;
    }

    // --- POST /api/chat/send ------------------------------------------------------------------------

    private static List<BadInput> send() {
        String route = "send";
        String path = "/api/chat/send";
        List<BadInput> cases = new ArrayList<>(malformedJson(route, "POST", path, VISITOR, "content"));
        cases.add(sendAs("content missing", "{}", 400, "content is required"));
        cases.add(sendAs("content null", "{\"content\": null}", 400, "content is required"));
        cases.add(sendAs("content empty", "{\"content\": \"\"}", 400, "content must not be empty"));
        cases.add(sendAs("content only spaces, tabs and newlines", "{\"content\": \"  \\n\\t  \"}", 400, "content must not be empty"));
        cases.add(sendAs("content only zero-width spaces", "{\"content\": \"\\u200b\\u200b\\u200b\"}", 400,
                "content must not be empty"));
        cases.add(sendAs("content only right-to-left overrides", "{\"content\": \"\\u202e\\u202e\"}", 400,
                "content must not be empty"));
        cases.add(sendAs("content only a byte order mark", "{\"content\": \"\\ufeff\"}", 400, "content must not be empty"));
        cases.add(sendAs("content only no-break spaces", "{\"content\": \"\\u00a0\\u00a0\\u3000\"}", 400,
                "content must not be empty"));
        cases.add(sendAs("content only a Hangul filler", "{\"content\": \"\\u3164\"}", 400, "content must not be empty"));
        cases.add(sendAs("content 2001 characters", "{\"content\": \"" + "a".repeat(2001) + "\"}", 400,
                "content must be at most 2000 characters"));
        cases.add(sendAs("content 2001 emoji", "{\"content\": \"" + "\uD83D\uDE00".repeat(2001) + "\"}", 400,
                "content must be at most 2000 characters"));
        cases.add(sendAs("content 60 KB", "{\"content\": \"" + "a".repeat(60 * KB) + "\"}", 400,
                "content must be at most 2000 characters"));
        cases.add(sendAs("content with a NUL character", "{\"content\": \"a\\u0000b\"}", 400, "content contains invalid characters"));
        cases.add(sendAs("content with an ANSI escape sequence", "{\"content\": \"\\u001b[31mred\"}", 400,
                "content contains invalid characters"));
        cases.add(sendAs("content with DEL", "{\"content\": \"a\\u007fb\"}", 400, "content contains invalid characters"));
        cases.add(sendAs("content with a lone high surrogate", "{\"content\": \"a\\ud800b\"}", 400,
                "content contains invalid characters"));
        cases.add(sendAs("content with a lone low surrogate", "{\"content\": \"a\\udc00b\"}", 400,
                "content contains invalid characters"));
        cases.add(sendAs("content is a number", "{\"content\": 42}", 400, "Field 'content' must be a string"));
        cases.add(sendAs("content is true", "{\"content\": true}", 400, "Field 'content' must be a string"));
        cases.add(sendAs("content is an array", "{\"content\": [\"hi\"]}", 400, "Field 'content' must be a string"));
        cases.add(sendAs("content is an object", "{\"content\": {\"text\": \"hi\"}}", 400, "Field 'content' must be a string"));
        cases.add(sendAs("sender type smuggled in", "{\"content\": \"hi\", \"senderType\": \"admin\"}", 400,
                "Unknown field 'senderType'"));
        cases.add(sendAs("AI metadata smuggled in", "{\"content\": \"hi\", \"metadata\": {\"handOff\": true}}", 400,
                "Unknown field 'metadata'"));
        cases.add(sendAs("conversation id of another visitor", "{\"content\": \"hi\", \"conversationId\": {otherConversation}}",
                403, "You can only post in your own conversation"));
        cases.add(sendAs("conversation id negative", "{\"content\": \"hi\", \"conversationId\": -1}", 403,
                "You can only post in your own conversation"));
        cases.add(sendAs("conversation id beyond a long", "{\"content\": \"hi\", \"conversationId\": 99999999999999999999999}",
                400, NOT_JSON));
        cases.add(sendAs("conversation id as a string", "{\"content\": \"hi\", \"conversationId\": \"12\"}", 400,
                "Field 'conversationId' must be a number"));
        cases.add(sendAs("conversation id is an SQL injection",
                "{\"content\": \"hi\", \"conversationId\": \"1 OR 1=1\"}", 400, "Field 'conversationId' must be a number"));
        cases.add(sendAs("conversation id is a UUID",
                "{\"content\": \"hi\", \"conversationId\": \"550e8400-e29b-41d4-a716-446655440000\"}", 400,
                "Field 'conversationId' must be a number"));
        cases.add(sendAs("conversation id true", "{\"content\": \"hi\", \"conversationId\": true}", 400,
                "Field 'conversationId' must be a number"));
        cases.add(sendAs("visitor name 101 characters", "{\"content\": \"hi\", \"visitorName\": \"" + "n".repeat(101) + "\"}",
                400, "visitorName must be at most 100 characters"));
        cases.add(sendAs("visitor name on two lines", "{\"content\": \"hi\", \"visitorName\": \"Ana\\nAdmin\"}", 400,
                "visitorName must be a single line"));
        cases.add(sendAs("visitor name with a bell character", "{\"content\": \"hi\", \"visitorName\": \"a\\u0007b\"}", 400,
                "visitorName contains invalid characters"));
        cases.add(sendAs("visitor name is a number", "{\"content\": \"hi\", \"visitorName\": 5}", 400,
                "Field 'visitorName' must be a string"));
        cases.add(sendAs("visitor email without @", "{\"content\": \"hi\", \"visitorEmail\": \"nope\"}", 400,
                "visitorEmail must be a valid email address"));
        cases.add(sendAs("visitor email with an SQL injection", "{\"content\": \"hi\", \"visitorEmail\": \"a@b.c' OR 1=1\"}", 400,
                "visitorEmail must be a valid email address"));
        cases.add(sendAs("visitor email with a script tag", "{\"content\": \"hi\", \"visitorEmail\": \"<script>@x.io\"}", 400,
                "visitorEmail must be a valid email address"));
        cases.add(sendAs("visitor email 260 characters",
                "{\"content\": \"hi\", \"visitorEmail\": \"" + "a".repeat(64) + "@" + "b".repeat(191) + ".com\"}", 400,
                "visitorEmail must be a valid email address"));
        cases.add(sendAs("client message id with a space", "{\"content\": \"hi\", \"clientMessageId\": \"has space\"}", 400,
                "clientMessageId must be 1 to 64 visible ASCII characters"));
        cases.add(sendAs("client message id 65 characters", "{\"content\": \"hi\", \"clientMessageId\": \"" + "c".repeat(65) + "\"}",
                400, "clientMessageId must be 1 to 64 visible ASCII characters"));
        cases.add(sendAs("client message id empty", "{\"content\": \"hi\", \"clientMessageId\": \"\"}", 400,
                "clientMessageId must be 1 to 64 visible ASCII characters"));
        cases.add(sendAs("client message id is an emoji", "{\"content\": \"hi\", \"clientMessageId\": \"\uD83D\uDE00\"}", 400,
                "clientMessageId must be 1 to 64 visible ASCII characters"));
        cases.add(sendAs("client message id is a number", "{\"content\": \"hi\", \"clientMessageId\": 7}", 400,
                "Field 'clientMessageId' must be a string"));
        cases.add(named(route, "unknown session token").as(ANONYMOUS).request("POST", path)
                .json("{\"content\": \"hi\"}").headers("X-Session-Token", "00000000-0000-4000-8000-000000000000")
                .expect(401, "Your chat session has expired or is unknown"));
        cases.add(named(route, "session token is an SQL injection").as(ANONYMOUS).request("POST", path)
                .json("{\"content\": \"hi\"}").headers("X-Session-Token", "' OR 1=1 --")
                .expect(401, "X-Session-Token must be a UUID"));
        cases.add(named(route, "session token 2 KB long").as(ANONYMOUS).request("POST", path)
                .json("{\"content\": \"hi\"}").headers("X-Session-Token", "a".repeat(2 * KB))
                .expect(401, "X-Session-Token must be a UUID"));
        cases.add(named(route, "admin sends without a conversation id").as(ADMIN).request("POST", path)
                .json("{\"content\": \"hi\"}").expect(400, "conversationId is required for admin messages"));
        cases.add(named(route, "admin sends as a visitor name").as(ADMIN).request("POST", path)
                .json("{\"content\": \"hi\", \"conversationId\": {conversation}, \"visitorName\": \"Ana\"}")
                .expect(400, "visitorName and visitorEmail can only be sent by visitors"));
        cases.add(named(route, "admin sends to a conversation that does not exist").as(ADMIN).request("POST", path)
                .json("{\"content\": \"hi\", \"conversationId\": 999999999}").expect(404, "Conversation 999999999 does not exist"));
        return cases;
    }

    private static BadInput sendAs(String what, String json, int status, String message) {
        return json("send", what, VISITOR, "POST", "/api/chat/send", json, status, message);
    }

    // --- GET /api/chat/messages ---------------------------------------------------------------------

    private static List<BadInput> messages() {
        List<BadInput> cases = new ArrayList<>();
        String base = "/api/chat/messages?conversationId={conversation}";
        cases.add(messagesQuery("no conversation id", "/api/chat/messages", 400, "Query parameter 'conversationId' is required"));
        cases.add(messagesQuery("empty conversation id", "/api/chat/messages?conversationId=", 400,
                "Parameter 'conversationId' must be a number"));
        cases.add(messagesQuery("conversation id is text", "/api/chat/messages?conversationId=abc", 400,
                "Parameter 'conversationId' must be a number"));
        cases.add(messagesQuery("conversation id is an SQL injection", "/api/chat/messages?conversationId=1%20OR%201%3D1", 400,
                "Parameter 'conversationId' must be a number"));
        cases.add(messagesQuery("conversation id is a UUID",
                "/api/chat/messages?conversationId=550e8400-e29b-41d4-a716-446655440000", 400,
                "Parameter 'conversationId' must be a number"));
        cases.add(messagesQuery("conversation id is a decimal", "/api/chat/messages?conversationId=1.5", 400,
                "Parameter 'conversationId' must be a number"));
        cases.add(messagesQuery("conversation id beyond a long", "/api/chat/messages?conversationId=99999999999999999999", 400,
                "Parameter 'conversationId' must be a number"));
        cases.add(messagesQuery("conversation id negative", "/api/chat/messages?conversationId=-1", 403,
                "You can only access your own conversation"));
        cases.add(messagesQuery("another visitor's conversation", "/api/chat/messages?conversationId={otherConversation}", 403,
                "You can only access your own conversation"));
        cases.add(messagesQuery("limit 0", base + "&limit=0", 400, "limit must be between 1 and 100"));
        cases.add(messagesQuery("limit negative", base + "&limit=-5", 400, "limit must be between 1 and 100"));
        cases.add(messagesQuery("limit 101", base + "&limit=101", 400, "limit must be between 1 and 100"));
        cases.add(messagesQuery("limit beyond an int", base + "&limit=99999999999", 400, "Parameter 'limit' must be a number"));
        cases.add(messagesQuery("limit is text", base + "&limit=all", 400, "Parameter 'limit' must be a number"));
        cases.add(messagesQuery("before 0", base + "&before=0", 400, "before and after must be message ids"));
        cases.add(messagesQuery("before negative", base + "&before=-10", 400, "before and after must be message ids"));
        cases.add(messagesQuery("after negative", base + "&after=-1", 400, "before and after must be message ids"));
        cases.add(messagesQuery("before and after together", base + "&before=10&after=1", 400, "Use either before or after"));
        cases.add(messagesQuery("before beyond a long", base + "&before=99999999999999999999", 400,
                "Parameter 'before' must be a number"));
        cases.add(messagesQuery("after is an SQL injection", base + "&after=0%3BDROP%20TABLE%20message", 400,
                "Parameter 'after' must be a number"));
        cases.add(named("messages", "query with invalid percent-encoding").as(VISITOR_WITH_CONVERSATION).raw(
                "GET " + base + "&limit=%ZZ HTTP/1.1\nHost: {host}\nX-Session-Token: {visitorToken}\n\n")
                .expect(400, "query string is not valid"));
        cases.add(messagesQuery("query with percent-encoded invalid UTF-8", base + "&limit=%C3%28", 400,
                "query string is not valid"));
        cases.add(named("messages", "without a session token").as(ANONYMOUS).request("GET", base.replace("{conversation}", "1"))
                .expect(401, "A session token is required"));
        return cases;
    }

    private static BadInput messagesQuery(String what, String path, int status, String message) {
        return named("messages", what).as(VISITOR_WITH_CONVERSATION).request("GET", path).expect(status, message);
    }

    // --- POST /api/chat/messages/read ---------------------------------------------------------------

    private static List<BadInput> read() {
        String route = "read";
        String path = "/api/chat/messages/read";
        List<BadInput> cases = new ArrayList<>(malformedJson(route, "POST", path, VISITOR_WITH_CONVERSATION, "conversationId"));
        cases.add(json(route, "no conversation id", VISITOR_WITH_CONVERSATION, "POST", path, "{}", 400, "conversationId is required"));
        cases.add(json(route, "another visitor's conversation", VISITOR_WITH_CONVERSATION, "POST", path,
                "{\"conversationId\": {otherConversation}}", 403, "You can only access your own conversation"));
        cases.add(json(route, "message id negative", VISITOR_WITH_CONVERSATION, "POST", path,
                "{\"conversationId\": {conversation}, \"messageIds\": [-1]}", 400, "messageIds must be message ids"));
        cases.add(json(route, "message id null", VISITOR_WITH_CONVERSATION, "POST", path,
                "{\"conversationId\": {conversation}, \"messageIds\": [null]}", 400, "messageIds must be message ids"));
        cases.add(json(route, "message ids as a string", VISITOR_WITH_CONVERSATION, "POST", path,
                "{\"conversationId\": {conversation}, \"messageIds\": \"1,2\"}", 400, "Field 'messageIds' must be a list"));
        cases.add(json(route, "501 message ids", VISITOR_WITH_CONVERSATION, "POST", path,
                "{\"conversationId\": {conversation}, \"messageIds\": [" + "1,".repeat(500) + "1]}", 400,
                "messageIds must list at most 500 ids"));
        cases.add(json(route, "up-to id negative", VISITOR_WITH_CONVERSATION, "POST", path,
                "{\"conversationId\": {conversation}, \"upToMessageId\": -3}", 400, "upToMessageId must be a message id"));
        cases.add(json(route, "both message ids and an up-to id", VISITOR_WITH_CONVERSATION, "POST", path,
                "{\"conversationId\": {conversation}, \"messageIds\": [1], \"upToMessageId\": 2}", 400,
                "Use either messageIds or upToMessageId"));
        cases.add(json(route, "conversation that does not exist, as admin", ADMIN, "POST", path,
                "{\"conversationId\": 999999999}", 404, "Conversation 999999999 does not exist"));
        return cases;
    }

    // --- GET /api/chat/conversations and /{id} --------------------------------------------------------

    private static List<BadInput> conversations() {
        List<BadInput> cases = new ArrayList<>();
        cases.add(adminGet("list", "page 0", "/api/chat/conversations?page=0", 400, "page must be between 1 and 1000000"));
        cases.add(adminGet("list", "page negative", "/api/chat/conversations?page=-1", 400, "page must be between 1 and 1000000"));
        cases.add(adminGet("list", "page far beyond the data", "/api/chat/conversations?page=1000001", 400,
                "page must be between 1 and 1000000"));
        cases.add(adminGet("list", "page beyond an int", "/api/chat/conversations?page=2147483648", 400,
                "Parameter 'page' must be a number"));
        cases.add(adminGet("list", "page is text", "/api/chat/conversations?page=first", 400, "Parameter 'page' must be a number"));
        cases.add(adminGet("list", "limit 0", "/api/chat/conversations?limit=0", 400, "limit must be between 1 and 100"));
        cases.add(adminGet("list", "limit 101", "/api/chat/conversations?limit=101", 400, "limit must be between 1 and 100"));
        cases.add(adminGet("list", "limit negative", "/api/chat/conversations?limit=-20", 400, "limit must be between 1 and 100"));
        cases.add(adminGet("list", "unknown status", "/api/chat/conversations?status=deleted", 400,
                "status must be one of active, resolved, closed, all"));
        cases.add(adminGet("list", "status with an SQL injection", "/api/chat/conversations?status=active%27%20OR%20%271%27%3D%271",
                400, "status must be one of active, resolved, closed, all"));
        cases.add(adminGet("list", "status in upper case", "/api/chat/conversations?status=ACTIVE", 400,
                "status must be one of active, resolved, closed, all"));
        cases.add(adminGet("list", "status with percent-encoded invalid UTF-8", "/api/chat/conversations?status=%C3%28", 400,
                "query string is not valid"));
        cases.add(named("list", "status with invalid percent-encoding").as(ADMIN).raw(
                "GET /api/chat/conversations?status=%G1 HTTP/1.1\nHost: {host}\nAuthorization: {adminAuthorization}\n\n")
                .expect(400, "query string is not valid"));
        cases.add(adminGet("details", "id is text", "/api/chat/conversations/abc", 400, "Parameter 'id' must be a number"));
        cases.add(adminGet("details", "id is a UUID", "/api/chat/conversations/550e8400-e29b-41d4-a716-446655440000", 400,
                "Parameter 'id' must be a number"));
        cases.add(adminGet("details", "id beyond a long", "/api/chat/conversations/99999999999999999999", 400,
                "Parameter 'id' must be a number"));
        cases.add(adminGet("details", "id with a quote", "/api/chat/conversations/1%27", 400, "Parameter 'id' must be a number"));
        cases.add(adminGet("details", "id 0", "/api/chat/conversations/0", 404, "Conversation 0 does not exist"));
        cases.add(adminGet("details", "id negative", "/api/chat/conversations/-1", 404, "Conversation -1 does not exist"));
        cases.add(adminGet("details", "id that does not exist", "/api/chat/conversations/999999999", 404,
                "Conversation 999999999 does not exist"));
        cases.add(adminGet("details", "path traversal to an internal endpoint", "/api/chat/conversations/..%2F..%2Finternal", 400,
                "The request path is not valid"));
        cases.add(adminGet("details", "dot segments", "/api/chat/conversations/../../internal/visitor-session", 400,
                "The request path is not valid"));
        cases.add(adminGet("details", "matrix parameter", "/api/chat/conversations/1;jsessionid=x", 400,
                "The request path is not valid"));
        cases.add(adminGet("details", "encoded NUL", "/api/chat/conversations/1%00", 400, "The request path is not valid"));
        cases.add(adminGet("details", "sub-path", "/api/chat/conversations/1/messages", 404, "No such endpoint"));
        return cases;
    }

    private static BadInput adminGet(String route, String what, String path, int status, String message) {
        return named(route, what).as(ADMIN).request("GET", path).expect(status, message);
    }

    // --- PATCH /api/chat/conversations/{id} -----------------------------------------------------------

    private static List<BadInput> conversationChange() {
        String route = "conversation change";
        String path = "/api/chat/conversations/{conversation}";
        List<BadInput> cases = new ArrayList<>(malformedJson(route, "PATCH", path, ADMIN, "status"));
        cases.add(json(route, "empty object", ADMIN, "PATCH", path, "{}", 400, "Nothing to update: send at least one of status, isAiHandled"));
        cases.add(json(route, "unknown status", ADMIN, "PATCH", path, "{\"status\": \"deleted\"}", 400,
                "Field 'status' must be one of active, resolved, closed"));
        cases.add(json(route, "status as a number", ADMIN, "PATCH", path, "{\"status\": 1}", 400,
                "Field 'status' must be one of active, resolved, closed"));
        cases.add(json(route, "status in upper case", ADMIN, "PATCH", path, "{\"status\": \"RESOLVED\"}", 400,
                "Field 'status' must be one of active, resolved, closed"));
        cases.add(json(route, "AI handling as a string", ADMIN, "PATCH", path, "{\"isAiHandled\": \"false\"}", 400,
                "Field 'isAiHandled' must be true or false"));
        cases.add(json(route, "AI handling null", ADMIN, "PATCH", path, "{\"isAiHandled\": null}", 400,
                "Field 'isAiHandled' must be true or false"));
        cases.add(json(route, "visitor name smuggled in", ADMIN, "PATCH", path, "{\"visitorName\": \"x\"}", 400,
                "Unknown field 'visitorName' (allowed: status, isAiHandled)"));
        cases.add(json(route, "id 0", ADMIN, "PATCH", "/api/chat/conversations/0", "{\"status\": \"active\"}", 400,
                "Conversation id must be a positive number"));
        cases.add(json(route, "id negative", ADMIN, "PATCH", "/api/chat/conversations/-5", "{\"status\": \"active\"}", 400,
                "Conversation id must be a positive number"));
        cases.add(json(route, "id is text", ADMIN, "PATCH", "/api/chat/conversations/abc", "{\"status\": \"active\"}", 400,
                "Parameter 'id' must be a number"));
        cases.add(json(route, "id that does not exist", ADMIN, "PATCH", "/api/chat/conversations/999999999",
                "{\"status\": \"active\"}", 404, "Conversation 999999999 does not exist"));
        return cases;
    }

    // --- GET/PATCH /api/chat/settings ------------------------------------------------------------------

    private static List<BadInput> settings() {
        String route = "settings";
        String path = "/api/chat/settings";
        List<BadInput> cases = new ArrayList<>(malformedJson(route, "PATCH", path, ADMIN, "aiEnabled"));
        cases.add(settingsPatch("empty object", "{}", "Nothing to update: send at least one of aiEnabled"));
        cases.add(settingsPatch("misspelt field", "{\"aiEnabld\": true}", "Unknown field 'aiEnabld' (allowed: aiEnabled"));
        cases.add(settingsPatch("AI switch as a string", "{\"aiEnabled\": \"yes\"}", "Field 'aiEnabled' must be true or false"));
        cases.add(settingsPatch("AI switch null", "{\"aiEnabled\": null}", "Field 'aiEnabled' must be true or false"));
        cases.add(settingsPatch("temperature 3", "{\"aiTemperature\": 3}", "Field 'aiTemperature' must be a number from 0 to 2"));
        cases.add(settingsPatch("temperature negative", "{\"aiTemperature\": -0.1}",
                "Field 'aiTemperature' must be a number from 0 to 2"));
        cases.add(settingsPatch("temperature as a string", "{\"aiTemperature\": \"0.5\"}",
                "Field 'aiTemperature' must be a number from 0 to 2"));
        cases.add(settingsPatch("temperature 1e400", "{\"aiTemperature\": 1e400}",
                "Field 'aiTemperature' must be a number from 0 to 2"));
        cases.add(settingsPatch("model with an SQL injection", "{\"aiModel\": \"gpt'; DROP TABLE chat_settings; --\"}",
                "Field 'aiModel' may only contain letters, digits and . _ : / -"));
        cases.add(settingsPatch("model with a script tag", "{\"aiModel\": \"<script>alert(1)</script>\"}",
                "Field 'aiModel' may only contain letters, digits and . _ : / -"));
        cases.add(settingsPatch("model empty", "{\"aiModel\": \"\"}", "Field 'aiModel' must be 1 to 64 characters long"));
        cases.add(settingsPatch("model 65 characters", "{\"aiModel\": \"" + "m".repeat(65) + "\"}",
                "Field 'aiModel' must be 1 to 64 characters long"));
        cases.add(settingsPatch("system prompt 4001 characters", "{\"aiSystemPrompt\": \"" + "p".repeat(4001) + "\"}",
                "Field 'aiSystemPrompt' must be at most 4000 characters long"));
        cases.add(settingsPatch("welcome message 1001 emoji", "{\"welcomeMessage\": \"" + "\uD83D\uDC4B".repeat(1001) + "\"}",
                "Field 'welcomeMessage' must be at most 1000 characters long"));
        cases.add(settingsPatch("welcome message with a NUL character", "{\"welcomeMessage\": \"Hi\\u0000there\"}",
                "Field 'welcomeMessage' contains invalid characters"));
        cases.add(settingsPatch("offline message with an escape sequence", "{\"offlineMessage\": \"\\u001b[2J\"}",
                "Field 'offlineMessage' contains invalid characters"));
        cases.add(settingsPatch("away message with a lone surrogate", "{\"awayMessage\": \"a\\ud800\"}",
                "Field 'awayMessage' contains invalid characters"));
        cases.add(settingsPatch("welcome message as a number", "{\"welcomeMessage\": 5}",
                "Field 'welcomeMessage' must be a string or null"));
        cases.add(settingsPatch("reply cap negative", "{\"aiReplyCapPerConversation\": -1}",
                "Field 'aiReplyCapPerConversation' must be a whole number from 0 to 1000"));
        cases.add(settingsPatch("reply cap a decimal", "{\"aiReplyCapPerConversation\": 1.5}",
                "Field 'aiReplyCapPerConversation' must be a whole number from 0 to 1000"));
        cases.add(settingsPatch("reply cap beyond an int", "{\"aiReplyCapPerConversation\": 99999999999}",
                "Field 'aiReplyCapPerConversation' must be a whole number from 0 to 1000"));
        cases.add(settingsPatch("business hours in a made-up time zone",
                "{\"businessHours\": {\"enabled\": true, \"timezone\": \"Mars/Olympus\"}}",
                "Field 'businessHours.timezone' must be an IANA time zone"));
        cases.add(settingsPatch("business hours at 25:00",
                "{\"businessHours\": {\"enabled\": true, \"timezone\": \"Asia/Jakarta\", \"days\": [{\"day\": \"MONDAY\", "
                        + "\"open\": \"25:00\", \"close\": \"26:00\"}]}}",
                "Field 'businessHours.days[0].open' must be a time of day as HH:mm"));
        cases.add(settingsPatch("business hours closing before opening",
                "{\"businessHours\": {\"enabled\": true, \"timezone\": \"Asia/Jakarta\", \"days\": [{\"day\": \"MONDAY\", "
                        + "\"open\": \"17:00\", \"close\": \"09:00\"}]}}",
                "open (17:00) must be before close (09:00)"));
        cases.add(settingsPatch("business hours on a made-up day",
                "{\"businessHours\": {\"enabled\": true, \"timezone\": \"Asia/Jakarta\", \"days\": [{\"day\": \"FUNDAY\", "
                        + "\"open\": \"09:00\", \"close\": \"17:00\"}]}}",
                "Field 'businessHours.days[0].day' must be a day of the week"));
        cases.add(settingsPatch("business hours with 22 intervals",
                "{\"businessHours\": {\"enabled\": true, \"timezone\": \"Asia/Jakarta\", \"days\": ["
                        + "{\"day\": \"MONDAY\", \"open\": \"09:00\", \"close\": \"10:00\"},".repeat(21)
                        + "{\"day\": \"MONDAY\", \"open\": \"09:00\", \"close\": \"10:00\"}]}}",
                "Field 'businessHours.days' must be a list of at most 21"));
        cases.add(settingsPatch("business hours as a string", "{\"businessHours\": \"always\"}",
                "Field 'businessHours' must be an object {enabled, timezone, days} or null"));
        cases.add(named(route, "settings with a PUT").as(ADMIN).request("PUT", path).json("{\"aiEnabled\": true}")
                .expect(405, "Method PUT is not allowed on /api/chat/settings (allowed: GET, PATCH)"));
        return cases;
    }

    private static BadInput settingsPatch(String what, String json, String message) {
        return json("settings", what, ADMIN, "PATCH", "/api/chat/settings", json, 400, message);
    }

    // --- POST /api/admin/login ---------------------------------------------------------------------------

    /** Fewer generic cases here: logins are limited to 10 a minute and 50 an hour per address. */
    private static List<BadInput> login() {
        String route = "login";
        String path = "/api/admin/login";
        List<BadInput> cases = new ArrayList<>();
        cases.add(json(route, "truncated JSON", ANONYMOUS, "POST", path, "{\"email\": \"a@b.co\", \"pass", 400, NOT_JSON));
        cases.add(json(route, "empty object", ANONYMOUS, "POST", path, "{}", 400, "email: must not be blank; password: must not be null"));
        cases.add(json(route, "email is not an address", ANONYMOUS, "POST", path,
                "{\"email\": \"not-an-email\", \"password\": \"x\"}", 400, "email: must be a well-formed email address"));
        cases.add(json(route, "email is an SQL injection", ANONYMOUS, "POST", path,
                "{\"email\": \"' OR 1=1 --\", \"password\": \"x\"}", 400, "email: must be a well-formed email address"));
        cases.add(json(route, "email ends in an SQL comment", ANONYMOUS, "POST", path,
                "{\"email\": \"admin@portfolio.local' --\", \"password\": \"x\"}", 400, "email: must be a well-formed email address"));
        cases.add(json(route, "password is an SQL injection", ANONYMOUS, "POST", path,
                "{\"email\": \"nobody@example.com\", \"password\": \"' OR '1'='1\"}", 401, "Invalid email or password"));
        cases.add(json(route, "password is a number", ANONYMOUS, "POST", path,
                "{\"email\": \"a@b.co\", \"password\": 12345}", 400, "Field 'password' must be a string"));
        cases.add(json(route, "role smuggled in", ANONYMOUS, "POST", path,
                "{\"email\": \"a@b.co\", \"password\": \"x\", \"role\": \"admin\"}", 400, "Unknown field 'role' (allowed: email, password)"));
        cases.add(json(route, "password 1025 characters", ANONYMOUS, "POST", path,
                "{\"email\": \"a@b.co\", \"password\": \"" + "p".repeat(1025) + "\"}", 400, "password: size must be between 1 and 1024"));
        cases.add(json(route, "top-level array", ANONYMOUS, "POST", path, "[\"a@b.co\", \"x\"]", 400, "Request body must be a JSON object"));
        cases.add(named(route, "form-encoded").as(ANONYMOUS).request("POST", path)
                .body("application/x-www-form-urlencoded", "email=a%40b.co&password=x".getBytes(StandardCharsets.UTF_8))
                .expect(415, JSON_ONLY));
        cases.add(named(route, "YAML").as(ANONYMOUS).request("POST", path)
                .body("application/yaml", "email: a@b.co\npassword: x\n".getBytes(StandardCharsets.UTF_8))
                .expect(415, JSON_ONLY));
        return cases;
    }

    // --- GET/PUT /api/portfolio ---------------------------------------------------------------------------

    private static List<BadInput> portfolio() {
        String route = "portfolio";
        String path = "/api/portfolio";
        List<BadInput> cases = new ArrayList<>(malformedJson(route, "PUT", path, ADMIN, "about"));
        cases.add(portfolioPut("empty object", "{}", "about: must not be null; career: must not be null; techStack: must not be null"));
        cases.add(portfolioPut("career left out", "{\"about\": {\"name\": \"x\"}, \"techStack\": []}", "career: must not be null"));
        cases.add(portfolioPut("unknown top-level field", "{\"about\": {\"name\": \"x\"}, \"techStack\": [], \"career\": [], \"extra\": 1}",
                "Unknown field 'extra' (allowed: about, career, techStack)"));
        cases.add(portfolioPut("unknown field inside about", "{\"about\": {\"name\": \"x\", \"age\": 3}, \"techStack\": [], \"career\": []}",
                "Unknown field 'about.age'"));
        cases.add(portfolioPut("name is a number", "{\"about\": {\"name\": 5}, \"techStack\": [], \"career\": []}",
                "Field 'about.name' must be a string"));
        cases.add(portfolioPut("name blank", "{\"about\": {\"name\": \"  \"}, \"techStack\": [], \"career\": []}",
                "about.name: must not be blank"));
        cases.add(portfolioPut("name 256 characters", "{\"about\": {\"name\": \"" + "n".repeat(256) + "\"}, \"techStack\": [], \"career\": []}",
                "about.name: size must be between 0 and 255"));
        cases.add(portfolioPut("name with a NUL character", "{\"about\": {\"name\": \"Dimas\\u0000\"}, \"techStack\": [], \"career\": []}",
                "Field 'about.name' contains invalid characters"));
        cases.add(portfolioPut("career description with an escape sequence",
                "{\"about\": {\"name\": \"x\"}, \"techStack\": [], \"career\": [{\"title\": \"t\", \"description\": \"\\u001b]0;pwned\\u0007\"}]}",
                "Field 'career[0].description' contains invalid characters"));
        cases.add(portfolioPut("colour with CSS injection",
                "{\"about\": {\"name\": \"x\"}, \"techStack\": [{\"title\": \"T\", \"iconColor\": \"red;background:url(//evil)\"}], \"career\": []}",
                "techStack[0].iconColor: must be a colour"));
        cases.add(portfolioPut("null item in a list", "{\"about\": {\"name\": \"x\"}, \"techStack\": [null], \"career\": []}",
                "techStack[0]: must not be null"));
        cases.add(portfolioPut("101 technologies", "{\"about\": {\"name\": \"x\"}, \"techStack\": ["
                        + "{\"title\": \"t\"},".repeat(100) + "{\"title\": \"t\"}], \"career\": []}",
                "techStack: size must be between 0 and 100"));
        cases.add(portfolioPut("interests as a string", "{\"about\": {\"name\": \"x\", \"interests\": \"cycling\"}, \"techStack\": [], \"career\": []}",
                "Field 'about.interests' must be a list"));
        cases.add(named(route, "300 KB document").as(ADMIN).request("PUT", path)
                .json("{\"about\": {\"name\": \"" + "n".repeat(300 * KB) + "\"}, \"techStack\": [], \"career\": []}")
                .expect(413, "at most 256 KB"));
        cases.add(named(route, "delete the portfolio").as(ADMIN).request("DELETE", path)
                .expect(405, "Method DELETE is not allowed on /api/portfolio (allowed: GET, PUT)"));
        return cases;
    }

    private static BadInput portfolioPut(String what, String json, String message) {
        return json("portfolio", what, ADMIN, "PUT", "/api/portfolio", json, 400, message);
    }

    // --- POST /api/chat/ai/respond ----------------------------------------------------------------------------

    private static List<BadInput> aiRespond() {
        String route = "ai respond";
        String path = "/api/chat/ai/respond";
        List<BadInput> cases = new ArrayList<>(malformedJson(route, "POST", path, ADMIN, "conversationId"));
        cases.add(json(route, "no conversation id", ADMIN, "POST", path, "{}", 400, "conversationId is required"));
        cases.add(json(route, "conversation id negative", ADMIN, "POST", path, "{\"conversationId\": -1}", 400,
                "conversationId must be a positive number"));
        cases.add(json(route, "conversation id as a string", ADMIN, "POST", path, "{\"conversationId\": \"1\"}", 400,
                "Field 'conversationId' must be a number"));
        cases.add(json(route, "model smuggled in", ADMIN, "POST", path, "{\"conversationId\": 1, \"model\": \"gpt-5\"}", 400,
                "Unknown field 'model'"));
        cases.add(json(route, "conversation that does not exist", ADMIN, "POST", path, "{\"conversationId\": 999999999}", 404,
                "Conversation 999999999 was not found"));
        cases.add(json(route, "blank visitor message", ADMIN, "POST", path,
                "{\"conversationId\": {conversation}, \"visitorMessage\": \"   \"}", 400, "visitorMessage must not be blank"));
        cases.add(json(route, "visitor message 2001 characters", ADMIN, "POST", path,
                "{\"conversationId\": {conversation}, \"visitorMessage\": \"" + "q".repeat(2001) + "\"}", 400,
                "visitorMessage must be at most 2000 characters"));
        cases.add(json(route, "visitor message with a NUL character", ADMIN, "POST", path,
                "{\"conversationId\": {conversation}, \"visitorMessage\": \"a\\u0000b\"}", 400, "visitorMessage contains invalid characters"));
        return cases;
    }

    // --- POST /api/pusher/auth ------------------------------------------------------------------------------

    private static List<BadInput> pusherAuth() {
        List<BadInput> cases = new ArrayList<>();
        String own = "private-conversation-{conversation}";
        cases.add(pusherForm("no socket id", "channel_name=" + own, 400, "socket_id is required and must look like 1234.5678"));
        cases.add(pusherForm("socket id is text", "socket_id=abc&channel_name=" + own, 400, "socket_id is required"));
        cases.add(pusherForm("socket id with a script tag", "socket_id=%3Cscript%3E&channel_name=" + own, 400, "socket_id is required"));
        cases.add(pusherForm("no channel name", "socket_id=1.2", 400, "channel_name is not valid"));
        cases.add(pusherForm("channel name with markup", "socket_id=1.2&channel_name=private-conversation-1%3Cscript%3E", 400,
                "channel name may only contain letters, digits"));
        cases.add(pusherForm("channel name 200 characters", "socket_id=1.2&channel_name=private-" + "a".repeat(200), 400,
                "channel name is longer than 164 characters"));
        cases.add(pusherForm("channel name with percent-encoded invalid UTF-8", "socket_id=1.2&channel_name=private-%C3%28", 400,
                "form fields"));
        cases.add(pusherForm("form with invalid percent-encoding", "socket_id=1.2&channel_name=%ZZ", 400, "form fields"));
        cases.add(pusherForm("another visitor's channel", "socket_id=1.2&channel_name=private-conversation-{otherConversation}", 403,
                "This channel belongs to another conversation"));
        cases.add(pusherForm("admin notifications", "socket_id=1.2&channel_name=private-admin-notifications", 403,
                "Visitors may only subscribe to their own conversation's channel"));
        cases.add(pusherForm("admin presence", "socket_id=1.2&channel_name=presence-admin-chat", 403,
                "Visitors may only subscribe to their own conversation's channel"));
        cases.add(pusherForm("own channel with a leading zero", "socket_id=1.2&channel_name=private-conversation-0{conversation}", 403,
                "Visitors may only subscribe to their own conversation's channel"));
        cases.add(pusherForm("own channel twice in one field",
                "socket_id=1.2&channel_name=" + own + "&channel_name=private-conversation-{otherConversation}", 403,
                "Visitors may only subscribe to their own conversation's channel"));
        cases.add(pusherForm("public channel", "socket_id=1.2&channel_name=my-channel", 403, "Public channels need no authorization"));
        cases.add(pusherForm("encrypted channel", "socket_id=1.2&channel_name=private-encrypted-conversation-{conversation}", 403,
                "Encrypted channels are not used by this system"));
        cases.add(named("pusher auth", "JSON instead of a form").as(VISITOR_WITH_CONVERSATION).request("POST", "/api/pusher/auth")
                .json("{\"socket_id\": \"1.2\", \"channel_name\": \"private-conversation-{conversation}\"}")
                .expect(400, "socket_id is required"));
        return cases;
    }

    private static BadInput pusherForm(String what, String form, int status, String message) {
        return named("pusher auth", what).as(VISITOR_WITH_CONVERSATION).request("POST", "/api/pusher/auth")
                .body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8)).expect(status, message);
    }

    // --- GET /api/chat/config -----------------------------------------------------------------------------

    private static List<BadInput> clientConfig() {
        return List.of(
                named("config", "query with a percent sign not followed by hex digits").raw(
                        "GET /api/chat/config?discount=100% HTTP/1.1\nHost: {host}\n\n").expect(400, "query string is not valid"),
                named("config", "query with percent-encoded invalid UTF-8").request("GET", "/api/chat/config?x=%FF%FE")
                        .expect(400, "query string is not valid"),
                named("config", "POST").request("POST", "/api/chat/config").json("{}")
                        .expect(405, "Method POST is not allowed on /api/chat/config (allowed: GET)"));
    }

    // --- methods on every route ---------------------------------------------------------------------------

    private static List<BadInput> methods() {
        return List.of(
                method("GET", "/api/chat/send", ANONYMOUS, "Method GET is not allowed on /api/chat/send (allowed: POST)"),
                method("PUT", "/api/chat/send", VISITOR, "Method PUT is not allowed on /api/chat/send (allowed: POST)"),
                method("DELETE", "/api/chat/session", ANONYMOUS, "Method DELETE is not allowed on /api/chat/session (allowed: POST)"),
                method("POST", "/api/chat/messages", VISITOR_WITH_CONVERSATION,
                        "Method POST is not allowed on /api/chat/messages (allowed: GET)"),
                method("GET", "/api/chat/messages/read", VISITOR_WITH_CONVERSATION,
                        "Method GET is not allowed on /api/chat/messages/read (allowed: POST)"),
                method("DELETE", "/api/chat/conversations/{conversation}", ADMIN,
                        "Method DELETE is not allowed on /api/chat/conversations/"),
                method("POST", "/api/chat/conversations", ADMIN, "Method POST is not allowed on /api/chat/conversations"),
                method("GET", "/api/admin/login", ANONYMOUS, "Method GET is not allowed on /api/admin/login (allowed: POST)"),
                method("GET", "/api/chat/ai/respond", ADMIN, "Method GET is not allowed on /api/chat/ai/respond (allowed: POST)"),
                method("GET", "/api/pusher/auth", ADMIN, "Method GET is not allowed on /api/pusher/auth (allowed: POST)"),
                method("TRACE", "/api/portfolio", ANONYMOUS, "Method TRACE is not allowed on /api/portfolio"),
                method("OPTIONS", "/api/chat/settings", ADMIN, "Method OPTIONS is not allowed on /api/chat/settings"),
                method("PROPFIND", "/api/portfolio", ANONYMOUS, "Method PROPFIND is not allowed on /api/portfolio"),
                named("internal", "internal endpoint through the gateway").as(VISITOR_WITH_CONVERSATION)
                        .request("GET", "/internal/visitor-session").expect(404, "No such endpoint"),
                named("internal", "recent messages through the gateway").as(ADMIN)
                        .request("GET", "/internal/conversations/{conversation}/recent-messages").expect(404, "No such endpoint"),
                named("unknown", "unknown API path").as(ANONYMOUS).request("GET", "/api/chat/everything").expect(404, "No such endpoint"));
    }

    private static BadInput method(String method, String path, Caller caller, String message) {
        return named("method", method + " " + path).as(caller).request(method, path).expect(405, message);
    }

    // --- requests no client library sends ----------------------------------------------------------------

    private static List<BadInput> protocol() {
        List<BadInput> cases = new ArrayList<>();
        cases.add(rawCase("both Content-Length and Transfer-Encoding (request smuggling)", """
                POST /api/chat/session HTTP/1.1
                Host: {host}
                Content-Type: application/json
                Content-Length: 4
                Transfer-Encoding: chunked

                2
                {}
                0

                """, 400, MALFORMED));
        cases.add(rawCase("two different Content-Lengths", """
                POST /api/chat/session HTTP/1.1
                Host: {host}
                Content-Type: application/json
                Content-Length: 2
                Content-Length: 3

                {} """, 400, MALFORMED));
        cases.add(rawCase("negative Content-Length", """
                POST /api/chat/session HTTP/1.1
                Host: {host}
                Content-Type: application/json
                Content-Length: -1

                {}""", 400, MALFORMED));
        cases.add(rawCase("Content-Length beyond a long", """
                POST /api/chat/session HTTP/1.1
                Host: {host}
                Content-Type: application/json
                Content-Length: 99999999999999999999

                {}""", 400, MALFORMED));
        cases.add(rawCase("a character that is not allowed in a method", "G@T /api/portfolio HTTP/1.1\nHost: {host}\n\n", 400, MALFORMED));
        cases.add(rawCase("space inside the path", "GET /api/port folio HTTP/1.1\nHost: {host}\n\n", 400, MALFORMED));
        cases.add(rawCase("NUL byte in a header", "GET /api/portfolio HTTP/1.1\nHost: {host}\nX-Test: a\u0000b\n\n", 400, MALFORMED));
        cases.add(rawCase("header line without a colon", "GET /api/portfolio HTTP/1.1\nHost: {host}\nNoColonHeader\n\n", 400, MALFORMED));
        cases.add(rawCase("HTTP/2 preface on an HTTP/1.1 port", "PRI * HTTP/2.0\n\nSM\n\n", 400, MALFORMED));
        cases.add(named("protocol", "bare LF line endings").raw(
                "GET /api/portfolio HTTP/1.1\nHost: {host}\n\n".getBytes(StandardCharsets.US_ASCII)).expect(400, MALFORMED));
        cases.add(rawCase("invalid percent-encoding in the query", "GET /api/chat/config?x=%ZZ HTTP/1.1\nHost: {host}\n\n", 400,
                "query string is not valid"));
        cases.add(rawCase("invalid percent-encoding in the path", "GET /api/chat/%ZZ HTTP/1.1\nHost: {host}\n\n", 400,
                "The request path is not valid"));
        cases.add(named("protocol", "raw UTF-8 in the path").raw(bytes(
                "GET /api/ch".getBytes(StandardCharsets.US_ASCII), "€t".getBytes(StandardCharsets.UTF_8),
                " HTTP/1.1\r\nHost: {host}\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).expect(400, "The request path is not valid"));
        cases.add(named("protocol", "an 8-bit byte in the query").raw(bytes(
                "GET /api/chat/config?x=".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF},
                " HTTP/1.1\r\nHost: {host}\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).expect(400, "query string is not valid"));
        cases.add(named("protocol", "emoji bytes in the session token header").raw(bytes(
                "GET /api/chat/messages?conversationId=1 HTTP/1.1\r\nHost: {host}\r\nX-Session-Token: ".getBytes(StandardCharsets.US_ASCII),
                "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .expect(401, "X-Session-Token must be a UUID"));
        cases.add(named("headers", "20 KB header").as(ANONYMOUS).request("GET", "/api/portfolio")
                .headers("X-Padding", "a".repeat(20 * KB)).expect(431, "The request headers are too large"));
        cases.add(named("headers", "100 headers of 100 bytes").as(ANONYMOUS).request("GET", "/api/portfolio")
                .headers(manyHeaders(100, 100)).expect(431, "The request headers are too large"));
        cases.add(named("headers", "9 KB session token").as(ANONYMOUS).request("GET", "/api/chat/messages?conversationId=1")
                .headers("X-Session-Token", "a".repeat(9 * KB)).expect(431, "The request headers are too large"));
        cases.add(named("headers", "URL of 10 KB").as(ANONYMOUS).request("GET", "/api/portfolio?padding=" + "a".repeat(10 * KB))
                .expect(414, "The request URL is too long"));
        cases.add(named("headers", "Authorization that is not Bearer").as(ANONYMOUS).request("GET", "/api/chat/settings")
                .headers("Authorization", "Basic YWRtaW46YWRtaW4=").expect(401, "Authorization must be 'Bearer <token>'"));
        cases.add(named("headers", "Bearer with a non-JWT").as(ANONYMOUS).request("GET", "/api/chat/settings")
                .headers("Authorization", "Bearer ' OR 1=1 --").expect(401, "Admin token is not valid"));
        cases.add(named("headers", "Bearer with 7 KB of garbage").as(ANONYMOUS).request("GET", "/api/chat/settings")
                .headers("Authorization", "Bearer " + "x".repeat(7 * KB)).expect(401, "Admin token is not valid"));
        cases.add(named("headers", "cross-origin request from an unlisted origin").as(ADMIN).request("GET", "/api/chat/settings")
                .headers("Origin", "https://evil.example").expect(403, "https://evil.example"));
        cases.add(named("headers", "Origin that is not a URL").as(ANONYMOUS).request("GET", "/api/portfolio")
                .headers("Origin", "http://localhost:8080.evil.example").expect(403, "are not allowed"));
        return cases;
    }

    private static BadInput rawCase(String what, String request, int status, String message) {
        return named("protocol", what).raw(request).expect(status, message);
    }

    private static String[] manyHeaders(int count, int valueLength) {
        String[] headers = new String[count * 2];
        for (int i = 0; i < count; i++) {
            headers[2 * i] = "X-Filler-" + i;
            headers[2 * i + 1] = "v".repeat(valueLength);
        }
        return headers;
    }

    // --- the kinds of malformed body every JSON route gets ------------------------------------------------

    /**
     * Truncated, malformed, oddly encoded and deeply nested bodies; other content types; nothing at all;
     * a body over the gateway's limit. {@code field} is one of the route's own fields, so the
     * malformed JSON is a plausible request gone wrong.
     */
    private static List<BadInput> malformedJson(String route, String method, String path, Caller caller, String field) {
        List<BadInput> cases = new ArrayList<>();
        cases.add(json(route, "truncated after a key", caller, method, path, "{\"" + field + "\":", 400, NOT_JSON));
        cases.add(json(route, "truncated inside a string", caller, method, path, "{\"" + field + "\": \"abc", 400, NOT_JSON));
        cases.add(json(route, "trailing garbage", caller, method, path, "{} xyz", 400, NOT_JSON));
        cases.add(json(route, "two objects", caller, method, path, "{}{}", 400, NOT_JSON));
        cases.add(json(route, "single quotes", caller, method, path, "{'" + field + "': 'x'}", 400, NOT_JSON));
        cases.add(json(route, "a comment", caller, method, path, "/* hi */ {}", 400, NOT_JSON));
        cases.add(json(route, "NaN", caller, method, path, "{\"" + field + "\": NaN}", 400, NOT_JSON));
        cases.add(json(route, "unquoted key", caller, method, path, "{" + field + ": 1}", 400, NOT_JSON));
        cases.add(named(route, "invalid UTF-8 byte sequence").as(caller).request(method, path).body("application/json",
                bytes(("{\"" + field + "\": \"a").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28}, "\"}".getBytes(StandardCharsets.UTF_8)))
                .expect(400, NOT_JSON));
        cases.add(named(route, "UTF-8 encoded surrogate").as(caller).request(method, path).body("application/json",
                bytes(("{\"" + field + "\": \"").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        "\"}".getBytes(StandardCharsets.UTF_8)))
                .expect(400, NOT_JSON));
        cases.add(json(route, "5000 nested arrays", caller, method, path, "[".repeat(5000) + "]".repeat(5000), 400, NOT_JSON));
        cases.add(json(route, "2000 nested objects", caller, method, path,
                "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), 400, NOT_JSON));
        cases.add(named(route, "text/plain").as(caller).request(method, path)
                .body("text/plain", ("{\"" + field + "\": 1}").getBytes(StandardCharsets.UTF_8)).expect(415, JSON_ONLY));
        cases.add(named(route, "XML").as(caller).request(method, path)
                .body("application/xml", ("<" + field + ">1</" + field + ">").getBytes(StandardCharsets.UTF_8)).expect(415, JSON_ONLY));
        cases.add(named(route, "YAML").as(caller).request(method, path)
                .body("application/yaml", (field + ": 1\n").getBytes(StandardCharsets.UTF_8)).expect(415, JSON_ONLY));
        cases.add(named(route, "JSON without a Content-Type").as(caller).request(method, path)
                .body(null, ("{\"" + field + "\": 1}").getBytes(StandardCharsets.UTF_8)).expect(415, JSON_ONLY));
        int limit = path.equals("/api/portfolio") ? 256 : 64;
        cases.add(named(route, "body over " + limit + " KB").as(caller).request(method, path)
                .json("{\"" + field + "\": \"" + "a".repeat((limit + 1) * KB) + "\"}").expect(413, TOO_LARGE));
        return cases;
    }

    private static BadInput json(String route, String what, Caller caller, String method, String path, String json,
                                 int status, String message) {
        return named(route, what).as(caller).request(method, path).json(json).expect(status, message);
    }

    private static BadInput.Builder named(String route, String what) {
        return BadInput.named(route + ": " + what);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
