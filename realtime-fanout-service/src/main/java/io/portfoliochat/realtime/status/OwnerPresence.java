package io.portfoliochat.realtime.status;

/** Whether the owner (any admin) is on {@code presence-admin-chat} right now. */
@FunctionalInterface
public interface OwnerPresence {

    /** @return true or false, or null when this deployment cannot tell */
    Boolean ownerOnline();
}
