using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Wehelpen.Web.Hosting;

/// <summary>Why a use case did not go ahead although the input was readable: a rule of the product, said to the person.</summary>
public sealed record Refusal(int Status, string Message)
{
    public static Refusal NotFound(string message) => new(StatusCodes.Status404NotFound, message);
    public static Refusal Conflict(string message) => new(StatusCodes.Status409Conflict, message);
    public static Refusal Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);
}

/// <summary>For use cases that return nothing but "done".</summary>
public sealed class Done
{
    public static readonly Done Instance = new();
    private Done() { }
}

/// <summary>
/// The result of one use case, shared by its page and its API endpoint: the value, or messages per field (400), or
/// a refusal. Nothing is written to the database unless there is a value.
/// </summary>
public sealed class Outcome<T> where T : class
{
    public T? Value { get; private init; }
    public FieldErrors? Errors { get; private init; }
    public Refusal? Refusal { get; private init; }

    public static implicit operator Outcome<T>(T value) => new() { Value = value };
    public static implicit operator Outcome<T>(FieldErrors errors) => new() { Errors = errors };
    public static implicit operator Outcome<T>(Refusal refusal) => new() { Refusal = refusal };

    public Results<TOk, ValidationProblem, ProblemHttpResult> ToApi<TOk>(Func<T, TOk> ok) where TOk : IResult
    {
        if (Value is not null) return ok(Value);
        if (Errors is not null) return TypedResults.ValidationProblem(Errors.ToDictionary());
        return TypedResults.Problem(detail: Refusal!.Message, statusCode: Refusal.Status);
    }

    /// <summary>On a page: false when it went ahead; otherwise the messages are on the model state.</summary>
    /// <param name="prefix">The bound property the form's fields belong to.</param>
    public bool Failed(ModelStateDictionary modelState, string prefix = "Input")
    {
        if (Value is not null) return false;
        Errors?.CopyTo(modelState, prefix);
        if (Refusal is not null) modelState.AddModelError("", Refusal.Message);
        return true;
    }
}
