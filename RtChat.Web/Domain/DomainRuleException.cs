namespace RtChat.Web.Domain;

/// <summary>A rule of the domain said no; the message is written for the person who tried.</summary>
public sealed class DomainRuleException(string message) : Exception(message);
