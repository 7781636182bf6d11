package io.clearname.notification.rest;

import io.clearname.kit.security.CurrentAccount;
import io.clearname.notification.service.NotificationLog;
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

    private final NotificationLog log;
    private final CurrentAccount me;

    public MyNotificationsResource(NotificationLog log, CurrentAccount me) {
        this.log = log;
        this.me = me;
    }

    @GET
    public List<NotificationView> list() {
        return log.listMine(me.id()).stream().map(NotificationView::of).toList();
    }
}
