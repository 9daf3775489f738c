global using Clientele.Data;
global using Clientele.Infrastructure.Validation;
