import { Injectable, NotFoundException, type PipeTransform } from '@nestjs/common';
import { isLocale, type Locale } from '../i18n/locales';

/** The first segment of every page's path is its language; anything else is no page of ours. */
@Injectable()
export class LocalePipe implements PipeTransform<string, Locale> {
  transform(value: string): Locale {
    if (!isLocale(value)) throw new NotFoundException();
    return value;
  }
}
