package jp.suijin.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS root for the machine-facing APIs (devices now, mobile apps later). */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
