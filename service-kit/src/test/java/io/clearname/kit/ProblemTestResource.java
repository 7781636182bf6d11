package io.clearname.kit;

import io.clearname.kit.problem.ProblemException;
import io.clearname.kit.problem.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Endpoints that fail in each of the ways the problem mappers cover. */
@Path("/kit-test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProblemTestResource {

    public record Signup(
            @NotBlank String phone, @Email @NotBlank String email) {}

    @POST
    @Path("/signup")
    public Signup signup(@Valid Signup signup) {
        return signup;
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ProblemException(ProblemType.Common.CONFLICT, "A request is already active.");
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal state: idNumber 11010519491231002X");
    }
}
