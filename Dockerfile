# One image recipe for every service:  docker build --build-arg SERVICE=chat-service -t portfolio-chat/chat-service .
# docker-compose.yml builds all five from it.
# The gateway's reference UI takes pusher-js from npm (its package-lock.json); the maven image has no npm.
FROM node:20-bookworm-slim AS ui-libraries
WORKDIR /ui
COPY gateway-service/src/main/ui/package.json gateway-service/src/main/ui/package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY shared-events shared-events
COPY service-support service-support
COPY test-support test-support
COPY chat-service chat-service
COPY admin-service admin-service
COPY ai-responder-service ai-responder-service
COPY realtime-fanout-service realtime-fanout-service
COPY gateway-service gateway-service
# With pusher-js in place the gateway's build does not run npm itself.
COPY --from=ui-libraries /ui/node_modules gateway-service/src/main/ui/node_modules
COPY system-tests system-tests
ARG SERVICE
RUN --mount=type=cache,target=/root/.m2 mvn -q -B -DskipTests -pl ${SERVICE} -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app app
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar
USER app
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=docker LOG_FORMAT=json
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
