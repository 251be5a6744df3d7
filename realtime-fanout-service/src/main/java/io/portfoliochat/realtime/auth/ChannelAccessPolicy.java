package io.portfoliochat.realtime.auth;

import io.portfoliochat.realtime.channel.ChannelNames;
import io.portfoliochat.realtime.channel.ChannelType;
import io.portfoliochat.realtime.channel.PusherSignatures;
import io.portfoliochat.support.security.AdminAuthentication;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.security.AdminTokens;
import io.portfoliochat.support.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may subscribe to what (SPEC §5): the admin (a valid admin JWT) to every private channel and to the
 * admin presence channel, as itself; a visitor (its session token) only to its own conversation's
 * channel. Everything else is refused with 403.
 */
class ChannelAccessPolicy {

    private final AdminAuthentication adminAuthentication;
    private final VisitorSessions visitorSessions;
    private final PusherSignatures signatures;
    private final JsonMapper json;

    ChannelAccessPolicy(AdminAuthentication adminAuthentication, VisitorSessions visitorSessions, PusherSignatures signatures, JsonMapper json) {
        this.adminAuthentication = adminAuthentication;
        this.visitorSessions = visitorSessions;
        this.signatures = signatures;
        this.json = json;
    }

    ChannelAuthorization authorize(String socketId, String channel, String authorizationHeader, String sessionToken) {
        if (!PusherSignatures.isValidSocketId(socketId)) {
            throw ApiException.badRequest("socket_id is required and must look like 1234.5678");
        }
        ChannelNames.problemWith(channel).ifPresent(problem -> {
            throw ApiException.badRequest("channel_name is not valid: " + problem);
        });
        ChannelType type = ChannelNames.typeOf(channel);
        if (type == ChannelType.PUBLIC) {
            throw ApiException.forbidden("Public channels need no authorization; " + channel + " is not authorized here");
        }
        if (type == ChannelType.PRIVATE_ENCRYPTED) {
            throw ApiException.forbidden("Encrypted channels are not used by this system");
        }
        if (authorizationHeader != null && !authorizationHeader.isBlank()) {
            return asAdmin(socketId, channel, type, authorizationHeader);
        }
        if (sessionToken != null && !sessionToken.isBlank()) {
            return asVisitor(socketId, channel, sessionToken.trim());
        }
        throw ApiException.forbidden("Authorization required: send the admin's Bearer token or the visitor's X-Session-Token");
    }

    private ChannelAuthorization asAdmin(String socketId, String channel, ChannelType type, String authorizationHeader) {
        AdminTokens.Verification verification = adminAuthentication.check(authorizationHeader);
        AdminPrincipal admin = verification.admin().orElseThrow(() -> ApiException.forbidden(verification.failure()));
        if (type == ChannelType.PRESENCE) {
            if (!ChannelNames.ADMIN_PRESENCE.equals(channel)) {
                throw ApiException.forbidden("Unknown presence channel " + channel + "; the admin's is " + ChannelNames.ADMIN_PRESENCE);
            }
            ObjectNode channelData = json.createObjectNode().put("user_id", Long.toString(admin.id()));
            channelData.putObject("user_info").put("name", admin.displayName());
            String data = json.writeValueAsString(channelData);
            return new ChannelAuthorization(signatures.presenceAuth(socketId, channel, data), data);
        }
        return new ChannelAuthorization(signatures.channelAuth(socketId, channel), null);
    }

    private ChannelAuthorization asVisitor(String socketId, String channel, String sessionToken) {
        if (!isUuid(sessionToken)) {
            throw ApiException.forbidden("X-Session-Token is not a valid session token");
        }
        Optional<Long> conversationId = ChannelNames.conversationIdOf(channel);
        if (conversationId.isEmpty()) {
            throw ApiException.forbidden("Visitors may only subscribe to their own conversation's channel");
        }
        VisitorSessions.VisitorSession session = visitorSessions.find(sessionToken, conversationId.get())
                .orElseThrow(() -> ApiException.forbidden("Unknown or expired visitor session"));
        if (!session.grants(conversationId.get())) {
            throw ApiException.forbidden(session.conversationId() == null
                    ? "This session has no conversation yet; send a first message"
                    : "This channel belongs to another conversation");
        }
        return new ChannelAuthorization(signatures.channelAuth(socketId, channel), null);
    }

    private static boolean isUuid(String token) {
        try {
            return UUID.fromString(token).toString().equalsIgnoreCase(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
