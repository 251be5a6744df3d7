package io.portfoliochat.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.events.BusinessHours;
import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.ChatSettingsChanged;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.EventsProbe;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import io.portfoliochat.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatSettingsIntegrationTest {

    private static final String ADMIN_NAME = TestAdminTokens.ADMIN.name();
    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topicNames;

    EventsProbe settingsTopic;

    @BeforeAll
    void watchTheSettingsTopic() {
        settingsTopic = EventsProbe.on(TestKafka.bootstrapServers(), topicNames.settings());
    }

    @AfterAll
    void stopWatching() {
        settingsTopic.close();
    }

    @Test
    void theServicePublishesTheSeededSettingsWhenItStarts() {
        ChatSettingsChanged startup = settingsTopic.await(ChatSettingsChanged.class,
                event -> event.changedBy().equals(ChatSettingsService.STARTUP_PUBLISHER));

        assertThat(startup.settings()).isEqualTo(ChatSettings.defaults());
        assertThat(startup.changedFields()).isEmpty();
    }

    @Test
    void partialUpdateChangesOnlyTheFieldsSentAndPublishesTheFullSettings() {
        ChatSettings before = current();
        String welcome = "Selamat datang! " + UUID.randomUUID();

        TestHttp.Response response = patch(Map.of("aiTemperature", 1.25, "welcomeMessage", welcome));

        assertThat(response.status()).isEqualTo(200);
        ChatSettings expected = new ChatSettings(before.aiEnabled(), before.aiModel(), 1.25, before.aiSystemPrompt(), welcome,
                before.offlineMessage(), before.awayMessage(), before.businessHours(), before.aiReplyCapPerConversation());
        assertThat(settingsOf(response)).isEqualTo(expected);
        assertThat(current()).isEqualTo(expected);
        ChatSettingsChanged event = settingsTopic.await(ChatSettingsChanged.class,
                changed -> welcome.equals(changed.settings().welcomeMessage()));
        assertThat(event.settings()).isEqualTo(expected);
        assertThat(event.changedBy()).isEqualTo(ADMIN_NAME);
        assertThat(event.changedFields()).containsExactly("aiTemperature", "welcomeMessage");
    }

    @Test
    void switchingTheAiOffIsAnAlertNamingWhoDidIt() {
        patch(Map.of("aiEnabled", true));

        assertThat(patch(Map.of("aiEnabled", false)).data().get("aiEnabled").asBoolean()).isFalse();

        ChatSettingsChanged alert = settingsTopic.await(ChatSettingsChanged.class,
                changed -> changed.changedFields().equals(List.of("aiEnabled")) && !changed.settings().aiEnabled());
        assertThat(alert.changedBy()).isEqualTo(ADMIN_NAME);
        patch(Map.of("aiEnabled", true));
    }

    @Test
    void nullClearsAnOptionalText() {
        patch(Map.of("aiSystemPrompt", "Jawab singkat. / Answer briefly."));
        assertThat(current().aiSystemPrompt()).isEqualTo("Jawab singkat. / Answer briefly.");

        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("aiSystemPrompt", null);
        TestHttp.Response response = patch(clear);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("aiSystemPrompt").isNull()).isTrue();
        assertThat(current().aiSystemPrompt()).isNull();
    }

    @Test
    void businessHoursAreStoredPublishedAndCleared() {
        String body = """
                {"businessHours": {"enabled": true, "timezone": "Asia/Jakarta", "days": [
                  {"day": "MONDAY", "open": "09:00", "close": "12:00"},
                  {"day": "monday", "open": "13:00", "close": "17:30"},
                  {"day": "SATURDAY", "open": "10:00", "close": "14:00"}]},
                 "awayMessage": "Saya sedang di luar jam kerja."}""";

        TestHttp.Response response = patch(body);

        assertThat(response.status()).isEqualTo(200);
        BusinessHours expected = new BusinessHours(true, "Asia/Jakarta", List.of(
                new BusinessHours.DailyHours(DayOfWeek.MONDAY, "09:00", "12:00"),
                new BusinessHours.DailyHours(DayOfWeek.MONDAY, "13:00", "17:30"),
                new BusinessHours.DailyHours(DayOfWeek.SATURDAY, "10:00", "14:00")));
        assertThat(current().businessHours()).isEqualTo(expected);
        ChatSettingsChanged event = settingsTopic.await(ChatSettingsChanged.class, changed -> expected.equals(changed.settings().businessHours()));
        assertThat(event.changedFields()).containsExactly("awayMessage", "businessHours");

        assertThat(patch("{\"businessHours\": null}").status()).isEqualTo(200);
        assertThat(current().businessHours()).isNull();
    }

    @Test
    void anUpdateThatChangesNothingPublishesNothing() {
        String before = "before " + UUID.randomUUID();
        patch(Map.of("offlineMessage", before));
        settingsTopic.await(ChatSettingsChanged.class, changed -> before.equals(changed.settings().offlineMessage()));
        int eventsBefore = settingsTopic.events(ChatSettingsChanged.class).size();
        ChatSettings settings = current();

        assertThat(patch(Map.of("aiModel", settings.aiModel(), "aiEnabled", settings.aiEnabled())).status()).isEqualTo(200);
        String marker = "marker " + UUID.randomUUID();
        patch(Map.of("offlineMessage", marker));

        settingsTopic.await(ChatSettingsChanged.class, changed -> marker.equals(changed.settings().offlineMessage()));
        List<ChatSettingsChanged> since = settingsTopic.events(ChatSettingsChanged.class).subList(eventsBefore,
                settingsTopic.events(ChatSettingsChanged.class).size());
        assertThat(since).singleElement().satisfies(only -> assertThat(only.changedFields()).containsExactly("offlineMessage"));
    }

    static Stream<Arguments> invalidUpdates() {
        return Stream.of(
                Arguments.of("{}", "Nothing to update: send at least one of aiEnabled, aiModel, aiTemperature, aiSystemPrompt, "
                        + "welcomeMessage, offlineMessage, awayMessage, businessHours, aiReplyCapPerConversation"),
                Arguments.of("null", "Nothing to update"),
                Arguments.of("[{\"aiEnabled\": false}]", "Request body must be a JSON object"),
                Arguments.of("{\"aiEnabled\": false,}", "Request body is not valid JSON"),
                Arguments.of("{\"aiEnabeld\": false}", "Unknown field 'aiEnabeld' (allowed: aiEnabled, aiModel"),
                Arguments.of("{\"aiEnabled\": false, \"model\": \"x\", \"temp\": 1}", "Unknown fields 'model', 'temp'"),
                Arguments.of("{\"aiEnabled\": null}", "Field 'aiEnabled' must be true or false"),
                Arguments.of("{\"aiEnabled\": \"false\"}", "Field 'aiEnabled' must be true or false"),
                Arguments.of("{\"aiModel\": \"\"}", "Field 'aiModel' must be 1 to 64 characters long"),
                Arguments.of("{\"aiModel\": \"" + "m".repeat(65) + "\"}", "Field 'aiModel' must be 1 to 64 characters long"),
                Arguments.of("{\"aiModel\": \"gpt 4o; drop\"}", "Field 'aiModel' may only contain letters, digits and . _ : / -"),
                Arguments.of("{\"aiModel\": null}", "Field 'aiModel' must be a string"),
                Arguments.of("{\"aiTemperature\": 2.01}", "Field 'aiTemperature' must be a number from 0 to 2"),
                Arguments.of("{\"aiTemperature\": -0.1}", "Field 'aiTemperature' must be a number from 0 to 2"),
                Arguments.of("{\"aiTemperature\": \"0.7\"}", "Field 'aiTemperature' must be a number from 0 to 2"),
                Arguments.of("{\"aiTemperature\": null}", "Field 'aiTemperature' must be a number from 0 to 2"),
                Arguments.of("{\"aiSystemPrompt\": \"" + "p".repeat(4001) + "\"}", "Field 'aiSystemPrompt' must be at most 4000 characters long"),
                Arguments.of("{\"aiSystemPrompt\": 7}", "Field 'aiSystemPrompt' must be a string or null"),
                Arguments.of("{\"welcomeMessage\": \"" + "w".repeat(1001) + "\"}", "Field 'welcomeMessage' must be at most 1000 characters long"),
                Arguments.of("{\"offlineMessage\": [\"a\"]}", "Field 'offlineMessage' must be a string or null"),
                Arguments.of("{\"welcomeMessage\": \"Hi\\u0000there\"}", "Field 'welcomeMessage' contains invalid characters"),
                Arguments.of("{\"awayMessage\": \"\\u001b[2J\"}", "Field 'awayMessage' contains invalid characters"),
                Arguments.of("{\"aiSystemPrompt\": \"be brief \\udc00\"}", "Field 'aiSystemPrompt' contains invalid characters"),
                Arguments.of("{\"awayMessage\": {}}", "Field 'awayMessage' must be a string or null"),
                Arguments.of("{\"aiReplyCapPerConversation\": 1001}", "Field 'aiReplyCapPerConversation' must be a whole number from 0 to 1000"),
                Arguments.of("{\"aiReplyCapPerConversation\": -1}", "Field 'aiReplyCapPerConversation' must be a whole number from 0 to 1000"),
                Arguments.of("{\"aiReplyCapPerConversation\": 2.5}", "Field 'aiReplyCapPerConversation' must be a whole number from 0 to 1000"),
                Arguments.of("{\"aiReplyCapPerConversation\": null}", "Field 'aiReplyCapPerConversation' must be a whole number from 0 to 1000"),
                Arguments.of("{\"businessHours\": \"9-5\"}", "Field 'businessHours' must be an object {enabled, timezone, days} or null"),
                Arguments.of("{\"businessHours\": {\"timezone\": \"Asia/Jakarta\"}}", "Field 'businessHours.enabled' must be true or false"),
                Arguments.of("{\"businessHours\": {\"enabled\": true}}", "Field 'businessHours.timezone' must be an IANA time zone such as Asia/Jakarta"),
                Arguments.of("{\"businessHours\": {\"enabled\": true, \"timezone\": \"Mars/Olympus_Mons\"}}", "Field 'businessHours.timezone' must be an IANA time zone"),
                Arguments.of("{\"businessHours\": {\"enabled\": true, \"timezone\": \"+07:00\"}}", "Field 'businessHours.timezone' must be an IANA time zone"),
                Arguments.of("{\"businessHours\": {\"enabled\": true, \"timezone\": \"UTC\", \"hours\": []}}", "Unknown field 'businessHours.hours' (allowed: days, enabled, timezone)"),
                Arguments.of("{\"businessHours\": {\"enabled\": true, \"timezone\": \"UTC\", \"days\": {}}}", "Field 'businessHours.days' must be a list of at most 21"),
                Arguments.of(hours("{\"day\": \"FUNDAY\", \"open\": \"09:00\", \"close\": \"17:00\"}"), "Field 'businessHours.days[0].day' must be a day of the week such as MONDAY"),
                Arguments.of(hours("{\"day\": \"MONDAY\", \"open\": \"9:00\", \"close\": \"17:00\"}"), "Field 'businessHours.days[0].open' must be a time of day as HH:mm, from 00:00 to 23:59"),
                Arguments.of(hours("{\"day\": \"MONDAY\", \"open\": \"09:00\", \"close\": \"24:00\"}"), "Field 'businessHours.days[0].close' must be a time of day as HH:mm"),
                Arguments.of(hours("{\"day\": \"MONDAY\", \"open\": \"09:00\"}"), "Field 'businessHours.days[0].close' must be a time of day as HH:mm"),
                Arguments.of(hours("{\"day\": \"MONDAY\", \"open\": \"17:00\", \"close\": \"09:00\"}"), "Field 'businessHours.days[0]': open (17:00) must be before close (09:00)"),
                Arguments.of(hours("{\"day\": \"MONDAY\", \"open\": \"09:00\", \"close\": \"09:00\"}"), "Field 'businessHours.days[0]': open (09:00) must be before close (09:00)"),
                Arguments.of(hours("{\"day\": \"MONDAY\", \"open\": \"09:00\", \"close\": \"12:00\"}, {\"day\": \"MONDAY\", \"open\": \"11:00\", \"close\": \"15:00\"}"),
                        "Field 'businessHours.days': the MONDAY hours 09:00-12:00 and 11:00-15:00 overlap"),
                Arguments.of(hours("{\"day\": \"MONDAY\", \"open\": \"09:00\", \"close\": \"12:00\", \"note\": \"x\"}"), "Unknown field 'businessHours.days[0].note'"),
                Arguments.of(hours(String.join(", ", java.util.Collections.nCopies(22, "{\"day\": \"MONDAY\", \"open\": \"09:00\", \"close\": \"09:01\"}"))),
                        "Field 'businessHours.days' must be a list of at most 21"),
                Arguments.of("{\"aiEnabled\": false, \"aiTemperature\": 5}", "Field 'aiTemperature' must be a number from 0 to 2"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidUpdates")
    void invalidUpdatesGetA400NamingTheProblemAndChangeNothing(String body, String message) {
        ChatSettings before = current();

        TestHttp.Response response = patch(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).startsWith(message);
        assertThat(current()).isEqualTo(before);
    }

    @Test
    void anEmptyBodyOrAnotherContentTypeIsRefused() {
        TestHttp.Response empty = admin().send("PATCH", "/api/chat/settings", "application/json", null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error()).startsWith("Nothing to update");

        TestHttp.Response text = admin().send("PATCH", "/api/chat/settings", "text/plain",
                "aiEnabled=false".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.error()).startsWith("Content-Type must be application/json");
    }

    private static String hours(String days) {
        return "{\"businessHours\": {\"enabled\": true, \"timezone\": \"Asia/Jakarta\", \"days\": [" + days + "]}}";
    }

    private ChatSettings current() {
        TestHttp.Response response = admin().get("/api/chat/settings");
        assertThat(response.status()).isEqualTo(200);
        return settingsOf(response);
    }

    private ChatSettings settingsOf(TestHttp.Response response) {
        return codec.mapper().treeToValue(response.data(), ChatSettings.class);
    }

    private TestHttp.Response patch(Object body) {
        return admin().patchJson("/api/chat/settings", body);
    }

    private TestHttp admin() {
        return TestHttp.localhost(port).withHeader("Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));
    }
}
