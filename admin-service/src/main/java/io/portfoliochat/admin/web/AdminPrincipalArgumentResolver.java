package io.portfoliochat.admin.web;

import io.portfoliochat.support.security.AdminPrincipal;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands the admin verified by {@link AdminAuthenticationInterceptor} to an {@link AdminOnly} handler. */
class AdminPrincipalArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AdminPrincipal.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Object admin = request.getAttribute(AdminAuthenticationInterceptor.ADMIN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (admin == null) {
            throw new IllegalStateException(parameter.getExecutable() + " takes an AdminPrincipal but is not @AdminOnly");
        }
        return admin;
    }
}
