package io.portfoliochat.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method that only a logged-in admin may call. The admin's bearer token is checked
 * before the request body is read, so an anonymous caller always gets 401, whatever it sent; the
 * method may then take an {@link io.portfoliochat.support.security.AdminPrincipal} parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AdminOnly {
}
