package io.clearname.notification.entity;

/** How a notice reaches the person. Every notice goes out on both, each with its own job and status. */
public enum Channel {
    SMS,
    EMAIL
}
