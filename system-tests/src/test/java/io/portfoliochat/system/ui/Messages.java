package io.portfoliochat.system.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads a conversation's message list (the same markup on both pages) as plain data. */
final class Messages {

    private static final String READ = """
            return Array.from(document.querySelectorAll(arguments[0] + ' > li.message:not(.message--draft)')).map(li => ({
              id: li.dataset.id || '',
              sender: li.dataset.sender,
              label: li.querySelector('.message__sender').textContent,
              text: li.querySelector('.message__text').textContent,
              status: li.dataset.status || '',
              note: li.querySelector('.message__note') ? li.querySelector('.message__note').textContent : ''
            }));""";

    private Messages() {
    }

    static List<Map<String, Object>> shown(Browser browser, String list) {
        return browser.script(READ, list);
    }

    static Map<String, Object> await(Browser browser, String list, Predicate<Map<String, Object>> wanted) {
        return browser.await(driver -> shown(browser, list).stream().filter(wanted).findFirst().orElse(null));
    }

    static Predicate<Map<String, Object>> from(String sender) {
        return message -> sender.equals(message.get("sender"));
    }

    static Predicate<Map<String, Object>> withText(String text) {
        return message -> text.equals(message.get("text"));
    }
}
