package io.portfoliochat.admin.web;

import io.portfoliochat.support.security.AdminAuthentication;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Admin authentication for {@link AdminOnly} handlers, JSON-only bodies and the request body size limit. */
@Configuration(proxyBeanMethods = false)
class AdminWebConfiguration implements WebMvcConfigurer {

    private final AdminAuthentication authentication;

    AdminWebConfiguration(AdminAuthentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminAuthenticationInterceptor(authentication));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AdminPrincipalArgumentResolver());
    }

    /**
     * Bodies are JSON only. swagger-core brings jackson-dataformat-yaml, and with it on the classpath
     * Spring would also read YAML bodies through Jackson 2: without the strict JSON rules, and with a
     * 500 for every {@code JsonNode} body (found by the system's bad-input corpus).
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(AdminWebConfiguration::handlesYaml));
    }

    private static boolean handlesYaml(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().anyMatch(type -> type.getSubtype().contains("yaml"));
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestProperties properties, JsonMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties, json));
        registration.addUrlPatterns("/api/*");
        // Right after the correlation id filter, so even a refused body is logged with its id.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
