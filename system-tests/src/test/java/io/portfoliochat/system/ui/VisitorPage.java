package io.portfoliochat.system.ui;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The visitor's /chat page, used like a person would: typing, Enter, buttons. */
final class VisitorPage {

    private final Browser browser;

    VisitorPage(Browser browser) {
        this.browser = browser;
    }

    VisitorPage open() {
        browser.open("/chat");
        return this;
    }

    String welcome() {
        return browser.find("#welcome-text").getText();
    }

    void introduce(String name, String email) {
        browser.find("#visitor-name").sendKeys(name);
        browser.find("#visitor-email").sendKeys(email);
    }

    /** Types a message and sends it with the Enter key. */
    void send(String text) {
        WebElement input = browser.find("#composer-input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    void askForAHuman() {
        browser.find("#ask-human").click();
    }

    /** The messages shown, in order, as {sender, label, text, status, note}. */
    List<Map<String, Object>> messages() {
        return Messages.shown(browser, "#messages");
    }

    Map<String, Object> awaitMessage(java.util.function.Predicate<Map<String, Object>> wanted) {
        return Messages.await(browser, "#messages", wanted);
    }

    String typingText() {
        return browser.visible("#typing") ? browser.find("#typing .typing__text").getText() : "";
    }

    String notice() {
        return browser.visible("#notice") ? browser.find("#notice").getText() : "";
    }

    int chimes() {
        String played = browser.find("body").getDomAttribute("data-chimes");
        return played == null ? 0 : Integer.parseInt(played);
    }
}
