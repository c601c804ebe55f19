/** A form field's error message, tied to its input through `errorProps`. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span className="field-error" id={id}>
      {message}
    </span>
  ) : null;
}

/** aria attributes that link an input to its FieldError. */
export function errorProps(id: string, message: string | undefined) {
  return { "aria-invalid": message ? true : undefined, "aria-describedby": message ? id : undefined } as const;
}
