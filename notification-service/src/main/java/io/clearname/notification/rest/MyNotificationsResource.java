package io.clearname.notification.rest;

import io.clearname.kit.security.CurrentAccount;
import io.clearname.notification.service.NotificationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The caller's own notices, newest first. */
@Path("/api/v1/me/notifications")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class MyNotificationsResource {

    private final NotificationService notifications;
    private final CurrentAccount me;

    public MyNotificationsResource(NotificationService notifications, CurrentAccount me) {
        this.notifications = notifications;
        this.me = me;
    }

    @GET
    public List<NotificationView> list() {
        return notifications.listMine(me.id()).stream()
                .map(NotificationView::of)
                .toList();
    }
}
