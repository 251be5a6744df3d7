package io.portfoliochat.admin.web;

import io.portfoliochat.support.security.AdminAuthentication;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Verifies the admin token of {@link AdminOnly} handlers and keeps the admin for the handler. */
class AdminAuthenticationInterceptor implements HandlerInterceptor {

    static final String ADMIN_ATTRIBUTE = AdminAuthenticationInterceptor.class.getName() + ".admin";

    private final AdminAuthentication authentication;

    AdminAuthenticationInterceptor(AdminAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(AdminOnly.class)) {
            try {
                AdminPrincipal admin = authentication.require(request.getHeader(HttpHeaders.AUTHORIZATION));
                request.setAttribute(ADMIN_ATTRIBUTE, admin);
            } catch (ApiException unauthorized) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"portfolio-chat-admin\"");
                throw unauthorized;
            }
        }
        return true;
    }
}
