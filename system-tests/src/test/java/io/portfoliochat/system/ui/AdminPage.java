package io.portfoliochat.system.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The owner's /admin/chat dashboard. */
final class AdminPage {

    private final Browser browser;

    AdminPage(Browser browser) {
        this.browser = browser;
    }

    AdminPage open() {
        browser.open("/admin/chat");
        return this;
    }

    void logIn(String email, String password) {
        WebElement emailField = browser.find("#login-email");
        emailField.clear();
        emailField.sendKeys(email);
        WebElement passwordField = browser.find("#login-password");
        passwordField.clear();
        passwordField.sendKeys(password);
        browser.find("#login-submit").click();
    }

    String loginError() {
        return browser.await(d -> browser.visible("#login-error") ? browser.find("#login-error").getText() : null);
    }

    void awaitDashboard() {
        browser.await(d -> browser.visible("#dashboard") && "online".equals(browser.find("#presence").getDomAttribute("data-state")));
    }

    /** The list entry of the conversation whose visitor has this name, once it is there. */
    WebElement awaitListed(String visitorName) {
        return browser.await(d -> browser.findAll("#conversation-list .conversation").stream()
                .filter(item -> item.findElement(org.openqa.selenium.By.cssSelector(".conversation__name")).getText().equals(visitorName))
                .findFirst().orElse(null));
    }

    String listBadges(String visitorName) {
        return awaitListed(visitorName).findElement(org.openqa.selenium.By.cssSelector(".conversation__badges")).getText();
    }

    long open(String visitorName) {
        WebElement item = awaitListed(visitorName);
        long id = Long.parseLong(item.getDomAttribute("data-id"));
        item.findElement(org.openqa.selenium.By.cssSelector("button")).click();
        browser.await(d -> browser.find("#detail-title").getText().equals(visitorName));
        return id;
    }

    String detailContact() {
        return browser.find("#detail-contact").getText();
    }

    String detailBadges() {
        return browser.find("#detail-badges").getText();
    }

    List<Map<String, Object>> messages() {
        return Messages.shown(browser, "#detail-messages");
    }

    Map<String, Object> awaitMessage(Predicate<Map<String, Object>> wanted) {
        return Messages.await(browser, "#detail-messages", wanted);
    }

    void takeOver() {
        WebElement button = browser.find("#take-over");
        browser.await(d -> button.getText().equals("Take over"));
        button.click();
        browser.await(d -> button.getText().equals("Hand back to AI"));
    }

    /** Types without sending (the visitor sees the typing indicator). */
    void type(String text) {
        browser.find("#reply-input").sendKeys(text);
    }

    void pressEnterInReply() {
        browser.find("#reply-input").sendKeys(Keys.ENTER);
    }

    void resolve() {
        browser.find("#resolve").click();
    }

    boolean aiSwitchOn() {
        return "true".equals(browser.find("#ai-switch").getDomAttribute("aria-checked"));
    }

    void toggleAi() {
        boolean before = aiSwitchOn();
        browser.find("#ai-switch").click();
        browser.await(d -> aiSwitchOn() != before && browser.find("#ai-switch").isEnabled());
    }

    void filter(String status) {
        new Select(browser.find("#status-filter")).selectByValue(status);
    }

    String alerts() {
        return browser.find("#alerts").getText();
    }

    void showTab(String name) {
        browser.find(".tab[data-tab='" + name + "']").click();
        browser.await(d -> browser.visible("#" + name + "-view"));
    }

    /** Replaces a settings field's text and saves; returns the result message. */
    String saveSetting(String field, String value) {
        WebElement input = browser.find("#setting-" + field);
        input.clear();
        input.sendKeys(value);
        browser.find("#settings-form button[type='submit']").click();
        return browser.await(d -> browser.visible("#settings-result") ? browser.find("#settings-result").getText() : null);
    }

    String portfolioJson() {
        return browser.await(d -> {
            String json = browser.find("#portfolio-json").getDomProperty("value");
            return json == null || json.isBlank() ? null : json;
        });
    }

    String savePortfolio() {
        browser.find("#portfolio-save").click();
        return browser.await(d -> browser.visible("#portfolio-result") ? browser.find("#portfolio-result").getText() : null);
    }

    void backToList() {
        browser.find("#back-to-list").click();
    }
}
