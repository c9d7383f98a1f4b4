// Passkeys: the WebAuthn ceremonies in the browser, against Spring Security's endpoints
// (options, then the authenticator, then the answer). Buttons carry data-passkey="register"
// or "authenticate"; failures show in #passkey-error.
(() => {
  "use strict";

  const b64 = {
    encode(buffer) {
      return btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(text) {
      const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      return Uint8Array.from(bin, (c) => c.charCodeAt(0)).buffer;
    },
  };

  function csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  }

  async function postJson(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", ...csrfHeaders() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  }

  function showError(err) {
    console.error(err);
    const box = document.getElementById("passkey-error");
    if (box) {
      box.textContent = box.dataset.message;
      box.classList.remove("d-none");
    }
  }

  async function register() {
    const label = (document.getElementById("passkey-label")?.value || "").trim() || "Passkey";
    const options = await postJson("/webauthn/register/options");
    const created = await navigator.credentials.create({
      publicKey: {
        ...options,
        user: { ...options.user, id: b64.decode(options.user.id) },
        challenge: b64.decode(options.challenge),
        excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) })),
      },
    });
    const answer = await postJson("/webauthn/register", {
      publicKey: {
        label,
        credential: {
          id: created.id,
          rawId: b64.encode(created.rawId),
          type: created.type,
          response: {
            attestationObject: b64.encode(created.response.attestationObject),
            clientDataJSON: b64.encode(created.response.clientDataJSON),
            transports: created.response.getTransports ? created.response.getTransports() : [],
          },
          clientExtensionResults: created.getClientExtensionResults(),
          authenticatorAttachment: created.authenticatorAttachment,
        },
      },
    });
    if (!answer.success) {
      throw new Error("registration refused");
    }
    window.location.reload();
  }

  async function authenticate(button) {
    const options = await postJson("/webauthn/authenticate/options");
    const got = await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: b64.decode(options.challenge),
        allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) })),
      },
    });
    const answer = await postJson("/login/webauthn", {
      id: got.id,
      rawId: b64.encode(got.rawId),
      credType: got.type,
      response: {
        authenticatorData: b64.encode(got.response.authenticatorData),
        clientDataJSON: b64.encode(got.response.clientDataJSON),
        signature: b64.encode(got.response.signature),
        userHandle: got.response.userHandle ? b64.encode(got.response.userHandle) : undefined,
      },
      clientExtensionResults: got.getClientExtensionResults(),
      authenticatorAttachment: got.authenticatorAttachment,
    });
    if (!answer.authenticated) {
      throw new Error("not authenticated");
    }
    // on the second-step page, back to the page that asked for it
    const next = button.dataset.next;
    window.location.href = next && next.startsWith("/") && !next.startsWith("//") ? next : answer.redirectUrl;
  }

  document.querySelectorAll("[data-passkey]").forEach((button) => {
    if (!window.PublicKeyCredential) {
      button.disabled = true;
      return;
    }
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await (button.dataset.passkey === "register" ? register() : authenticate(button));
      } catch (err) {
        showError(err);
        button.disabled = false;
      }
    });
  });
})();
