import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { InvalidInputException } from './http/invalid-input.exception';
import { ProblemDetailsFilter } from './http/problem-details.filter';

/** Request bodies are small JSON commands; anything larger is refused with 413. */
export const BODY_LIMIT = '64kb';

/** Everything main.ts and the e2e tests both need, so tests run the app as it is served. */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: BODY_LIMIT });
  express.disable('x-powered-by');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => InvalidInputException.fromValidation(errors),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('membership-ledger')
      .setDescription(
        'An event-sourced ledger of party membership. Commands answer 201 with { id, version, position }; ' +
          'errors are application/problem+json (400 invalid input, 404 unknown id, 409 idempotency conflict, ' +
          '412 failed If-Match, 422 refused by a rule of the rulebook, with its ruleId).',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
