using Ctms.Engine.Feel.Ast;

namespace Ctms.Engine.Feel.Functions;

/// <summary>The implementation of a built-in function; returns null for arguments of the wrong type.</summary>
internal delegate object? BuiltinBody(IReadOnlyList<object?> args, EvalState state);
