// Types for the parts of @pactflow/swagger-mock-validator (which ships none) that check-pact.ts uses.
declare module '@pactflow/swagger-mock-validator' {
  export interface ValidationResultDetails {
    readonly code: string;
    readonly message: string;
    readonly source?: string;
    readonly type?: 'error' | 'warning';
    readonly mockDetails?: { readonly interactionDescription?: string; readonly interactionState?: string; readonly location?: string; readonly mockFile?: string; readonly value?: unknown };
    readonly specDetails?: { readonly location?: string; readonly pathMethod?: string; readonly pathName?: string; readonly specFile?: string };
  }
  export interface ValidationOutcome {
    readonly success: boolean;
    readonly failureReason?: string;
    readonly errors: readonly ValidationResultDetails[];
    readonly warnings: readonly ValidationResultDetails[];
  }
  export interface UserOptions {
    readonly specPathOrUrl: string;
    readonly mockPathOrUrl: string;
    readonly providerName?: string;
    readonly tag?: string;
    readonly additionalPropertiesInResponse?: 'true' | 'false';
    readonly requiredPropertiesInResponse?: 'true' | 'false';
  }
  export interface SwaggerMockValidator {
    validate(options: UserOptions): Promise<ValidationOutcome>;
  }
  export const SwaggerMockValidatorFactory: { create(auth?: string): SwaggerMockValidator };
}
